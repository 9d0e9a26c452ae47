// Validation problems grouped by what they mean (the rule's plain-language description), with
// counts and severity. Each problem is a button:
// click it or press Enter and Excel selects the cell it names.
import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Problem } from "../actions";
import { groupProblems, problemLocation, type ProblemGroup } from "../present";
import { Pill } from "./Pill";
import { SeverityIcon } from "./SeverityBadge";
import { Chevron } from "./Chevron";
import { useSharedStyles } from "./sharedStyles";

/** Problems rendered per group before "Show all"; keeps 10,000-row reports responsive. */
export const PAGE_SIZE = 50;

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", gap: "6px" },
  rule: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

export interface ProblemListProps {
  problems: readonly Problem[];
  /** Each rule's plain-language description, by rule id (the group titles). */
  descriptions?: Readonly<Record<string, string>>;
  onSelect: (problem: Problem) => void;
  /** True while an action runs: selecting is refused, so the buttons say so. */
  disabled: boolean;
}

const PILL = { error: "danger", warning: "warning", info: "informative" } as const;

function Group({
  group,
  open,
  onSelect,
  disabled,
}: {
  group: ProblemGroup;
  open: boolean;
  onSelect: ProblemListProps["onSelect"];
  disabled: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [shown, setShown] = React.useState(PAGE_SIZE);
  const [expanded, setExpanded] = React.useState(open);
  const visible = group.problems.slice(0, shown);
  const count = group.problems.length;
  return (
    <details
      className={shared.details}
      open={open}
      onToggle={(e) => setExpanded(e.currentTarget.open)}
      data-testid="problem-group"
      data-rule={group.rules.join(" ")}
    >
      <summary className={shared.summary}>
        <Chevron open={expanded} />
        <span className={styles[group.severity]}>
          <SeverityIcon severity={group.severity} />
        </span>
        <span className={styles.rule}>{group.description}</span>
        <Pill color={PILL[group.severity]}>
          {count.toLocaleString("en-US")}
          <span className={shared.visuallyHidden}>
            {" "}
            {group.severity === "info" ? "note" : group.severity}
            {count === 1 ? "" : "s"}
          </span>
        </Pill>
      </summary>
      <div className={shared.panel}>
        <ul
          className={shared.list}
          aria-label={`${group.description}: ${count} ${count === 1 ? "problem" : "problems"}`}
        >
          {visible.map((p, i) => (
            <li key={`${p.sheet}!${p.cell}#${i}`}>
              <button
                type="button"
                className={mergeClasses(shared.item, disabled && shared.itemDisabled)}
                aria-disabled={disabled || undefined}
                title={`Select ${p.sheet}!${p.cell} in Excel`}
                data-testid="problem"
                data-sheet={p.sheet}
                data-cell={p.cell}
                onClick={() => {
                  if (!disabled) onSelect(p);
                }}
              >
                <span className={shared.strong}>{problemLocation(p)}</span>
                <span>{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
        {count > shown ? (
          <Button size="small" appearance="subtle" onClick={() => setShown(count)}>
            Show all {count.toLocaleString("en-US")}
          </Button>
        ) : null}
      </div>
    </details>
  );
}

export function ProblemList({
  problems,
  descriptions,
  onSelect,
  disabled,
}: ProblemListProps): React.JSX.Element {
  const styles = useStyles();
  const groups = React.useMemo(
    () => groupProblems(problems, (rule) => descriptions?.[rule]),
    [problems, descriptions]
  );
  return (
    <div className={styles.groups} data-testid="problem-groups">
      {groups.map((g, i) => (
        <Group
          key={g.description}
          group={g}
          open={i === 0 && g.severity !== "info"}
          onSelect={onSelect}
          disabled={disabled}
        />
      ))}
    </div>
  );
}
