// The sync route most tests use: seed repository nginx from cn-north-4/team-a to ap-southeast-1/team-a.
export const NGINX_ROUTE = {
  sourceRegion: "cn-north-4",
  sourceNamespace: "team-a",
  sourceRepository: "nginx",
  targetRegion: "ap-southeast-1",
  targetNamespace: "team-a",
} as const;
