// Formula text, read as Excel reads it: string literals ("…", with "" for a quote) apart from code.

/** Splits a formula into code and string literals, literals (quotes included) at odd indexes. */
export function splitFormulaLiterals(formula: string): string[] {
  const parts: string[] = [];
  let code = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch !== '"') {
      code += ch;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < formula.length) {
      if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
      else if (formula[j] === '"') break;
      else j++;
    }
    parts.push(code, formula.slice(i, j + 1));
    code = "";
    i = j + 1;
  }
  parts.push(code);
  return parts;
}
