// A small rounded label (counts, severities): lighter than Fluent's Badge, same tokens.
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  pill: {
    display: "inline-flex",
    alignItems: "center",
    gap: "4px",
    padding: "0 6px",
    minHeight: "20px",
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    border: "1px solid transparent",
  },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    border: `1px solid ${tokens.colorPaletteRedBorder1}`,
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    border: `1px solid ${tokens.colorPaletteYellowBorder1}`,
  },
  informative: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    border: `1px solid ${tokens.colorPaletteGreenBorder1}`,
  },
  dangerFilled: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
  },
});

export type PillColor = "danger" | "warning" | "informative" | "success" | "dangerFilled";

export interface PillProps extends React.HTMLAttributes<HTMLSpanElement> {
  color: PillColor;
  icon?: React.ReactNode;
}

export function Pill({ color, icon, className, children, ...rest }: PillProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.pill, styles[color], className)} {...rest}>
      {icon}
      {children}
    </span>
  );
}
