import { isDarkColor } from "../../src/taskpane/theme";

describe("isDarkColor", () => {
  it.each([
    ["#1f1f1f", true],
    ["#262626", true],
    ["#ffffff", false],
    ["#f3f3f3", false],
    ["#0000FF", true],
    ["", false],
    [undefined, false],
    ["not a colour", false],
  ])("%s → %s", (input, dark) => {
    expect(isDarkColor(input)).toBe(dark);
  });
});
