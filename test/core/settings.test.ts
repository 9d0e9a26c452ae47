// core/settings: the Settings sheet's contract — sections, rows, keys, workbook names, defaults —
// with the status rows generated from the scale table.
import { DEFAULT_SLA_DAYS, DEFAULT_WEIGHTS, STATUS_SCALE, STATUSES } from "../../src/core/scale";
import { settingsSections, type SettingsSection } from "../../src/core/settings";

const sections = settingsSections("Acme", 46000);
const section = (title: string): SettingsSection => {
  const found = sections.find((s) => s.title === title);
  if (!found) throw new Error(`no section ${title}`);
  return found;
};
const cells = sections.flatMap((s) => s.rows.flatMap((r) => r.values));

describe("settingsSections", () => {
  it("starts with the organisation and the start date it is given", () => {
    const rows = section("Assessment").rows;
    const cell = (label: string) => rows.find((r) => r.label === label)?.values[0];
    expect(cell("Organisation")).toMatchObject({ key: "org", name: "Org_Name", default: "Acme" });
    expect(cell("Assessment start date")).toEqual({
      key: "start",
      name: "Assessment_Start",
      default: 46000,
      numberFormat: "yyyy-mm-dd",
    });
    expect(settingsSections("Other", 1)[0].rows[0].values[0].default).toBe("Other");
  });

  it("has one status row per status of the scale, with its weight's key, name and default", () => {
    const status = section("Status scale");
    expect(status.labelName).toBe("Status_List");
    expect(status.rows.map((r) => r.label)).toEqual([...STATUSES]);
    expect(
      status.rows.map((r) => [r.label, r.values[0].key, r.values[0].name, r.values[0].default])
    ).toEqual([
      ["Compliant", "weight.Compliant", "Weight_Compliant", 0],
      ["Partially Compliant", "weight.Partially Compliant", "Weight_Partial", 0.5],
      ["Non-Compliant", "weight.Non-Compliant", "Weight_NonCompliant", 1],
      ["Not Applicable", "weight.Not Applicable", undefined, null],
      ["Not Assessed", "weight.Not Assessed", undefined, null],
    ]);
    status.rows.forEach((row, i) => {
      expect(row.values[0].default).toBe(DEFAULT_WEIGHTS[STATUS_SCALE[i].status]);
      expect(row.note).toBe(STATUS_SCALE[i].meaning);
    });
  });

  it("gives the bands and SLAs their workbook names and defaults", () => {
    const rows = section("Risk levels").rows;
    expect(rows.map((r) => r.values.map((v) => [v.key, v.name ?? null, v.default]))).toEqual([
      [
        ["band.Low", null, 1],
        ["sla.Low", "SLA_Low", DEFAULT_SLA_DAYS.Low],
      ],
      [
        ["band.Medium", "Band_Medium", 5],
        ["sla.Medium", "SLA_Medium", DEFAULT_SLA_DAYS.Medium],
      ],
      [
        ["band.High", "Band_High", 10],
        ["sla.High", "SLA_High", DEFAULT_SLA_DAYS.High],
      ],
      [
        ["band.Critical", "Band_Critical", 20],
        ["sla.Critical", "SLA_Critical", DEFAULT_SLA_DAYS.Critical],
      ],
    ]);
  });

  it("never uses a key or a workbook name twice", () => {
    const keys = cells.map((c) => c.key);
    const names = cells.flatMap((c) => (c.name ? [c.name] : []));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(names).size).toBe(names.length);
    const titles = sections.map((s) => s.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("names the settings the guide's contract lists", () => {
    const names = new Set(cells.map((c) => c.name));
    for (const name of ["Currency_Code", "Maturity_Mode", "Org_Name", "Assessment_Start"])
      expect(names).toContain(name);
  });
});
