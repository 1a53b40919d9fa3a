import { describe, expect, it } from "vitest";
import type { JobPlanDetail } from "@/lib/jobs/dto";
import { planPerTarget } from "./plan-view";

const east = { region: "cn-east-3", namespace: "team-a" };
const overseas = { region: "ap-southeast-1", namespace: "team-a" };
const ref = (repository: string, tag: string, t: typeof east) => ({ repository, tag, targetRegion: t.region, targetNamespace: t.namespace });

const plan: JobPlanDetail = {
  count: 7,
  tags: ["1.25.3", "7.2.4", "latest"],
  truncated: false,
  classes: { new: 3, identical: 2, overwrite: 0, keep: 2 },
  samples: {
    new: [ref("nginx", "1.26.0", east), ref("redis", "latest", overseas), ref("nginx", "1.26.0", overseas)],
    identical: [ref("nginx", "1.25.3", east), ref("redis", "7.2.4", overseas)],
    overwrite: [],
    keep: [ref("nginx", "latest", east), ref("redis", "7.2.5", overseas)],
  },
  groups: [
    { repository: "nginx", targetRegion: "cn-east-3", targetNamespace: "team-a", new: 1, identical: 1, overwrite: 0, keep: 1 },
    { repository: "nginx", targetRegion: "ap-southeast-1", targetNamespace: "team-a", new: 1, identical: 0, overwrite: 0, keep: 0 },
    { repository: "redis", targetRegion: "ap-southeast-1", targetNamespace: "team-a", new: 1, identical: 1, overwrite: 0, keep: 1 },
  ],
};

describe("planPerTarget", () => {
  it("sums each target's groups over the repositories and keeps its own named tasks, in the targets' order", () => {
    const [first, second] = planPerTarget(plan, [overseas, east]);
    expect(first).toMatchObject({ target: overseas, classes: { new: 2, identical: 1, overwrite: 0, keep: 1 } });
    expect(first?.samples.new.map((s) => `${s.repository}:${s.tag}`)).toEqual(["redis:latest", "nginx:1.26.0"]);
    expect(second).toMatchObject({ target: east, classes: { new: 1, identical: 1, overwrite: 0, keep: 1 } });
    expect(second?.samples.keep.map((s) => s.tag)).toEqual(["latest"]);
  });

  it("gives a target the plan does not mention nothing to do", () => {
    const [other] = planPerTarget(plan, [{ region: "cn-south-1", namespace: "team-a" }]);
    expect(other?.classes).toEqual({ new: 0, identical: 0, overwrite: 0, keep: 0 });
    expect(other?.samples.new).toEqual([]);
  });
});
