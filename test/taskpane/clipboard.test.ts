// Copy from the task pane: the Clipboard API first, the copy command when the host refuses it,
// and a plain false (never a throw) when neither works, so the pane can tell the user what to do.
import { copyText } from "../../src/taskpane/clipboard";

describe("copyText", () => {
  it("writes through the Clipboard API when it is there", async () => {
    const writeText = jest.fn(async () => undefined);
    const copySelection = jest.fn(() => true);
    await expect(copyText("# Report", { clipboard: { writeText }, copySelection })).resolves.toBe(
      true
    );
    expect(writeText).toHaveBeenCalledWith("# Report");
    expect(copySelection).not.toHaveBeenCalled();
  });

  it("falls back to the copy command when the host denies the Clipboard API", async () => {
    const writeText = jest.fn(async () => {
      throw new DOMException("Write permission denied.", "NotAllowedError");
    });
    const copySelection = jest.fn(() => true);
    await expect(copyText("# Report", { clipboard: { writeText }, copySelection })).resolves.toBe(
      true
    );
    expect(copySelection).toHaveBeenCalledTimes(1);
  });

  it("uses the copy command where there is no Clipboard API", async () => {
    await expect(copyText("x", { clipboard: undefined, copySelection: () => true })).resolves.toBe(
      true
    );
    await expect(copyText("x", { clipboard: null, copySelection: () => false })).resolves.toBe(
      false
    );
  });

  it("reports failure instead of throwing when nothing can copy", async () => {
    const writeText = async (): Promise<void> => {
      throw new Error("denied");
    };
    const copySelection = (): boolean => {
      throw new Error("execCommand is gone");
    };
    await expect(copyText("x", { clipboard: { writeText }, copySelection })).resolves.toBe(false);
    await expect(copyText("x", {})).resolves.toBe(false);
  });
});
