import { describe, expect, it } from "vitest";
import { csvCell, csvRow, jobsCsvFilename } from "./csv";

describe("csvCell", () => {
  it.each<[string | number | boolean | null, string]>([
    ["plain", "plain"],
    [42, "42"],
    [false, "false"],
    [null, ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1", "'+1"],
    ["-2+3@example.com", "'-2+3@example.com"],
    ["@cmd", "'@cmd"],
    ["\tindent", "'\tindent"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["a=b", "a=b"],
  ])("writes %j as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("ends rows with CRLF", () => {
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("names the file after the day of the export in the reader's time zone", () => {
    expect(jobsCsvFilename("UTC", new Date("2024-05-01T23:59:59Z"))).toBe("sync-jobs-2024-05-01.csv");
    expect(jobsCsvFilename("Asia/Shanghai", new Date("2024-05-01T23:59:59Z"))).toBe("sync-jobs-2024-05-02.csv");
  });
});
