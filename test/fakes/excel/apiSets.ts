/** ExcelApi requirement set of each member the fake implements, generated from @types/office-js. */
// Format per class: "member:version ..." (one string keeps the table compact).
const table: Record<string, string> = {
  Workbook:
    "application:1.1 bindings:1.1 comments:1.10 customXmlParts:1.5 dataConnections:1.7 functions:1.2 " +
    "linkedEntityDataDomains:1.19 names:1.1 notes:1.18 pivotTableStyles:1.10 pivotTables:1.3 " +
    "properties:1.7 protection:1.7 queries:1.14 settings:1.4 slicerStyles:1.10 slicers:1.10 styles:1.7 " +
    "tableStyles:1.10 tables:1.1 timelineStyles:1.10 worksheets:1.1 autoSave:1.9 " +
    "calculationEngineVersion:1.9 chartDataPointTrack:1.9 isDirty:1.9 name:1.7 previouslySaved:1.9 " +
    "readOnly:1.8 usePrecisionAsDisplayed:1.9 close:1.11 getActiveCell:1.7 getActiveChart:1.9 " +
    "getActiveChartOrNullObject:1.9 getActiveShape:1.19 getActiveShapeOrNullObject:1.19 " +
    "getActiveSlicer:1.10 getActiveSlicerOrNullObject:1.10 getIsActiveCollabSession:1.9 " +
    "getLinkedEntityCellValue:1.16 getSelectedRange:1.1 getSelectedRanges:1.9 " +
    "insertWorksheetsFromBase64:1.13 save:1.11 onActivated:1.13 onAutoSaveSettingChanged:1.9 " +
    "onSelectionChanged:1.2",
  WorksheetCollection:
    "add:1.1 getActiveWorksheet:1.1 getCount:1.4 getFirst:1.5 getItem:1.1 getItemOrNullObject:1.4 " +
    "getLast:1.5 onActivated:1.7 onAdded:1.7 onCalculated:1.8 onChanged:1.9 onColumnSorted:1.10 " +
    "onDeactivated:1.7 onDeleted:1.7 onFormatChanged:1.9 onFormulaChanged:1.13 onMoved:1.17 " +
    "onNameChanged:1.17 onProtectionChanged:1.14 onRowHiddenChanged:1.11 onRowSorted:1.10 " +
    "onSelectionChanged:1.9 onSingleClicked:1.10 onVisibilityChanged:1.17",
  Worksheet:
    "autoFilter:1.9 charts:1.1 comments:1.10 customProperties:1.12 freezePanes:1.7 " +
    "horizontalPageBreaks:1.9 names:1.4 notes:1.18 pageLayout:1.9 pivotTables:1.3 protection:1.2 " +
    "shapes:1.9 slicers:1.10 tables:1.1 verticalPageBreaks:1.9 enableCalculation:1.9 id:1.1 name:1.1 " +
    "position:1.1 showDataTypeIcons:1.19 showGridlines:1.8 showHeadings:1.8 standardHeight:1.7 " +
    "standardWidth:1.7 tabColor:1.7 tabId:1.14 visibility:1.1 activate:1.1 calculate:1.6 copy:1.7 " +
    "delete:1.1 findAll:1.9 findAllOrNullObject:1.9 getCell:1.1 getNext:1.5 getNextOrNullObject:1.5 " +
    "getPrevious:1.5 getPreviousOrNullObject:1.5 getRange:1.1 getRangeByIndexes:1.7 getRanges:1.9 " +
    "getUsedRange:1.2 getUsedRangeOrNullObject:1.4 replaceAll:1.9 showOutlineLevels:1.10 onActivated:1.7 " +
    "onCalculated:1.8 onChanged:1.7 onColumnSorted:1.10 onDeactivated:1.7 onFormatChanged:1.9 " +
    "onFormulaChanged:1.13 onNameChanged:1.17 onProtectionChanged:1.14 onRowHiddenChanged:1.11 " +
    "onRowSorted:1.10 onSelectionChanged:1.7 onSingleClicked:1.10 onVisibilityChanged:1.17",
  Range:
    "conditionalFormats:1.6 dataValidation:1.8 format:1.1 sort:1.2 worksheet:1.1 address:1.1 " +
    "addressLocal:1.1 cellCount:1.1 columnCount:1.1 columnHidden:1.2 columnIndex:1.1 control:1.18 " +
    "formulas:1.1 formulasLocal:1.1 formulasR1C1:1.2 hasSpill:1.12 height:1.10 hidden:1.2 hyperlink:1.7 " +
    "isEntireColumn:1.7 isEntireRow:1.7 left:1.10 linkedDataTypeState:1.9 numberFormat:1.1 " +
    "numberFormatCategories:1.12 numberFormatLocal:1.7 rowCount:1.1 rowHidden:1.2 rowIndex:1.1 " +
    "savedAsArray:1.12 style:1.7 text:1.1 top:1.10 valueTypes:1.1 values:1.1 valuesAsJson:1.16 " +
    "valuesAsJsonLocal:1.16 width:1.10 autoFill:1.9 calculate:1.6 clear:1.1 clearOrResetContents:1.18 " +
    "convertDataTypeToText:1.9 convertToLinkedDataType:1.9 copyFrom:1.9 delete:1.1 find:1.9 " +
    "findOrNullObject:1.9 flashFill:1.9 getAbsoluteResizedRange:1.7 getBoundingRect:1.1 getCell:1.1 " +
    "getCellProperties:1.9 getColumn:1.1 getColumnProperties:1.9 getColumnsAfter:1.2 getColumnsBefore:1.2 " +
    "getDependents:1.15 getDirectDependents:1.13 getDirectPrecedents:1.12 getDisplayedCellProperties:1.19 " +
    "getEntireColumn:1.1 getEntireRow:1.1 getExtendedRange:1.13 getImage:1.7 getIntersection:1.1 " +
    "getIntersectionOrNullObject:1.4 getLastCell:1.1 getLastColumn:1.1 getLastRow:1.1 " +
    "getMergedAreasOrNullObject:1.13 getOffsetRange:1.1 getPivotTables:1.12 getPrecedents:1.14 " +
    "getRangeEdge:1.13 getResizedRange:1.2 getRow:1.1 getRowProperties:1.9 getRowsAbove:1.2 " +
    "getRowsBelow:1.2 getSpecialCells:1.9 getSpecialCellsOrNullObject:1.9 getSpillParent:1.12 " +
    "getSpillParentOrNullObject:1.12 getSpillingToRange:1.12 getSpillingToRangeOrNullObject:1.12 " +
    "getSurroundingRegion:1.7 getTables:1.9 getUsedRange:1.2 getUsedRangeOrNullObject:1.4 " +
    "getVisibleView:1.3 group:1.10 hideGroupDetails:1.10 insert:1.1 merge:1.2 moveTo:1.11 " +
    "removeDuplicates:1.9 replaceAll:1.9 select:1.1 setCellProperties:1.9 setColumnProperties:1.9 " +
    "setDirty:1.9 setRowProperties:1.9 showCard:1.7 showGroupDetails:1.10 ungroup:1.10 unmerge:1.2",
  RangeFormat:
    "borders:1.1 fill:1.1 font:1.1 protection:1.2 autoIndent:1.9 columnWidth:1.2 horizontalAlignment:1.1 " +
    "indentLevel:1.9 readingOrder:1.9 rowHeight:1.2 shrinkToFit:1.9 textOrientation:1.7 " +
    "useStandardHeight:1.7 useStandardWidth:1.7 verticalAlignment:1.1 wrapText:1.1 adjustIndent:1.11 " +
    "autofitColumns:1.2 autofitRows:1.2",
  RangeFont:
    "bold:1.1 color:1.1 italic:1.1 name:1.1 size:1.1 strikethrough:1.9 subscript:1.9 superscript:1.9 " +
    "tintAndShade:1.9 underline:1.1",
  RangeFill:
    "color:1.1 pattern:1.9 patternColor:1.9 patternTintAndShade:1.9 tintAndShade:1.9 clear:1.1",
  FormatProtection: "formulaHidden:1.2 locked:1.2",
  RangeBorderCollection: "count:1.1 tintAndShade:1.9 getItem:1.1 getItemAt:1.1",
  RangeBorder: "color:1.1 sideIndex:1.1 style:1.1 tintAndShade:1.9 weight:1.1",
  DataValidation:
    "errorAlert:1.8 ignoreBlanks:1.8 prompt:1.8 rule:1.8 type:1.8 valid:1.8 clear:1.8 getInvalidCells:1.9 " +
    "getInvalidCellsOrNullObject:1.9",
  ConditionalFormatCollection:
    "add:1.6 clearAll:1.6 getCount:1.6 getItem:1.6 getItemAt:1.6 getItemOrNullObject:1.14",
  ConditionalFormat:
    "cellValue:1.6 cellValueOrNullObject:1.6 colorScale:1.6 colorScaleOrNullObject:1.6 custom:1.6 " +
    "customOrNullObject:1.6 dataBar:1.6 dataBarOrNullObject:1.6 iconSet:1.6 iconSetOrNullObject:1.6 " +
    "preset:1.6 presetOrNullObject:1.6 textComparison:1.6 textComparisonOrNullObject:1.6 topBottom:1.6 " +
    "topBottomOrNullObject:1.6 id:1.6 priority:1.6 stopIfTrue:1.6 type:1.6 changeRuleToCellValue:1.17 " +
    "changeRuleToColorScale:1.17 changeRuleToContainsText:1.17 changeRuleToCustom:1.17 " +
    "changeRuleToDataBar:1.17 changeRuleToIconSet:1.17 changeRuleToPresetCriteria:1.17 " +
    "changeRuleToTopBottom:1.17 delete:1.6 getRange:1.6 getRangeOrNullObject:1.6 getRanges:1.9 " +
    "setRanges:1.17",
  CustomConditionalFormat: "format:1.6 rule:1.6",
  ConditionalFormatRule: "formula:1.6 formulaLocal:1.6 formulaR1C1:1.6",
  ConditionalRangeFormat: "borders:1.6 fill:1.6 font:1.6 numberFormat:1.6 clearFormat:1.17",
  ConditionalRangeFont: "bold:1.6 color:1.6 italic:1.6 strikethrough:1.6 underline:1.6 clear:1.6",
  ConditionalRangeFill: "color:1.6 clear:1.6",
  DataBarConditionalFormat:
    "negativeFormat:1.6 positiveFormat:1.6 axisColor:1.6 axisFormat:1.6 barDirection:1.6 " +
    "lowerBoundRule:1.6 showDataBarOnly:1.6 upperBoundRule:1.6",
  ConditionalDataBarPositiveFormat: "borderColor:1.6 fillColor:1.6 gradientFill:1.6",
  ConditionalDataBarNegativeFormat:
    "borderColor:1.6 fillColor:1.6 matchPositiveBorderColor:1.6 matchPositiveFillColor:1.6",
  CellValueConditionalFormat: "format:1.6 rule:1.6",
  ColorScaleConditionalFormat: "criteria:1.6 threeColorScale:1.6",
  TextConditionalFormat: "format:1.6 rule:1.6",
  PresetCriteriaConditionalFormat: "format:1.6 rule:1.6",
  TableCollection:
    "count:1.1 add:1.1 getCount:1.4 getItem:1.1 getItemAt:1.1 getItemOrNullObject:1.4 onAdded:1.9 " +
    "onChanged:1.7 onDeleted:1.9",
  Table:
    "autoFilter:1.9 columns:1.1 rows:1.1 sort:1.2 worksheet:1.2 highlightFirstColumn:1.3 " +
    "highlightLastColumn:1.3 id:1.1 legacyId:1.8 name:1.1 showBandedColumns:1.3 showBandedRows:1.3 " +
    "showFilterButton:1.3 showHeaders:1.1 showTotals:1.1 style:1.1 clearFilters:1.2 convertToRange:1.2 " +
    "delete:1.1 getDataBodyRange:1.1 getHeaderRowRange:1.1 getRange:1.1 getTotalRowRange:1.1 " +
    "reapplyFilters:1.2 resize:1.13 onChanged:1.7 onSelectionChanged:1.7",
  TableSort: "fields:1.2 matchCase:1.2 method:1.2 apply:1.2 clear:1.2 reapply:1.2",
  TableRowCollection: "count:1.1 add:1.1 addAsJson:1.16 getCount:1.4 getItemAt:1.1",
  TableRow: "index:1.1 values:1.1 valuesAsJson:1.16 valuesAsJsonLocal:1.16 delete:1.1 getRange:1.1",
  TableColumnCollection:
    "count:1.1 add:1.1 addAsJson:1.16 getCount:1.4 getItem:1.1 getItemAt:1.1 getItemOrNullObject:1.4",
  TableColumn:
    "filter:1.2 id:1.1 index:1.1 name:1.1 values:1.1 valuesAsJson:1.16 valuesAsJsonLocal:1.16 delete:1.1 " +
    "getDataBodyRange:1.1 getHeaderRowRange:1.1 getRange:1.1 getTotalRowRange:1.1",
  NamedItemCollection:
    "add:1.4 addFormulaLocal:1.4 getCount:1.4 getItem:1.1 getItemOrNullObject:1.4",
  NamedItem:
    "arrayValues:1.7 worksheet:1.4 worksheetOrNullObject:1.4 comment:1.4 formula:1.7 name:1.1 scope:1.4 " +
    "type:1.1 value:1.1 valueAsJson:1.16 valueAsJsonLocal:1.16 visible:1.1 delete:1.4 getRange:1.1 " +
    "getRangeOrNullObject:1.4",
  Application:
    "cultureInfo:1.11 iterativeCalculation:1.9 calculationEngineVersion:1.9 calculationMode:1.1 " +
    "calculationState:1.9 decimalSeparator:1.11 thousandsSeparator:1.11 useSystemSeparators:1.11 " +
    "calculate:1.1 suspendApiCalculationUntilNextSync:1.6 suspendScreenUpdatingUntilNextSync:1.9",
  WorksheetFreezePanes:
    "freezeAt:1.7 freezeColumns:1.7 freezeRows:1.7 getLocation:1.7 getLocationOrNullObject:1.7 " +
    "unfreeze:1.7",
  WorksheetProtection: "options:1.2 protected:1.2 protect:1.2 unprotect:1.7",
  PageLayout:
    "headersFooters:1.9 blackAndWhite:1.9 bottomMargin:1.9 centerHorizontally:1.9 " +
    "centerVertically:1.9 draftMode:1.9 firstPageNumber:1.9 footerMargin:1.9 headerMargin:1.9 " +
    "leftMargin:1.9 orientation:1.9 paperSize:1.9 printComments:1.9 printErrors:1.9 " +
    "printGridlines:1.9 printHeadings:1.9 printOrder:1.9 rightMargin:1.9 topMargin:1.9 zoom:1.9 " +
    "getPrintArea:1.9 getPrintAreaOrNullObject:1.9 getPrintTitleColumns:1.9 " +
    "getPrintTitleColumnsOrNullObject:1.9 getPrintTitleRows:1.9 getPrintTitleRowsOrNullObject:1.9 " +
    "setPrintArea:1.9 setPrintMargins:1.9 setPrintTitleColumns:1.9 setPrintTitleRows:1.9",
  HeaderFooterGroup:
    "defaultForAllPages:1.9 evenPages:1.9 firstPage:1.9 oddPages:1.9 state:1.9 " +
    "useSheetMargins:1.9 useSheetScale:1.9",
  HeaderFooter:
    "centerFooter:1.9 centerHeader:1.9 leftFooter:1.9 leftHeader:1.9 rightFooter:1.9 rightHeader:1.9",
  PageBreakCollection: "items:1.9 add:1.9 getCount:1.9 getItem:1.9 removePageBreaks:1.9",
  ChartCollection:
    "count:1.1 add:1.1 getCount:1.4 getItem:1.1 getItemAt:1.1 getItemOrNullObject:1.4 onActivated:1.8 " +
    "onAdded:1.8 onDeactivated:1.8 onDeleted:1.8",
  Chart:
    "axes:1.1 dataLabels:1.1 format:1.1 legend:1.1 pivotOptions:1.9 plotArea:1.8 series:1.1 title:1.1 " +
    "worksheet:1.2 categoryLabelLevel:1.8 chartType:1.7 displayBlanksAs:1.8 height:1.1 id:1.7 left:1.1 " +
    "name:1.1 plotBy:1.8 plotVisibleOnly:1.8 seriesNameLevel:1.8 showAllFieldButtons:1.7 " +
    "showDataLabelsOverMaximum:1.8 style:1.8 top:1.1 width:1.1 activate:1.9 delete:1.1 getDataTable:1.14 " +
    "getDataTableOrNullObject:1.14 getImage:1.2 setData:1.1 setPosition:1.1 onActivated:1.8 " +
    "onDeactivated:1.8",
  ChartTitle:
    "format:1.1 height:1.7 horizontalAlignment:1.7 left:1.7 overlay:1.1 position:1.7 showShadow:1.7 " +
    "text:1.1 textOrientation:1.7 top:1.7 verticalAlignment:1.7 visible:1.1 width:1.7 getSubstring:1.7 " +
    "setFormula:1.7",
  ChartLegend:
    "format:1.1 legendEntries:1.7 height:1.7 left:1.7 overlay:1.1 position:1.1 showShadow:1.7 top:1.7 " +
    "visible:1.1 width:1.7",
};

const parsed = new Map<string, Map<string, string>>();

function members(className: string): Map<string, string> {
  let m = parsed.get(className);
  if (!m) {
    m = new Map(
      (table[className] ?? "")
        .split(" ")
        .filter(Boolean)
        .map((kv) => kv.split(":") as [string, string])
    );
    parsed.set(className, m);
  }
  return m;
}

/** The ExcelApi version a member needs, or undefined when not in ExcelApi (treated as always available). */
export function requiredVersion(className: string, member: string): string | undefined {
  return members(className).get(member);
}

/** Compare "1.13" with "1.9" numerically per part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
