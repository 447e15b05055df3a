package io.candor.platform.web;

/**
 * Text written into a spreadsheet cell, never read as a formula: text starting with {@code = + - @}, a tab or a
 * carriage return gets a leading apostrophe (the CSV/formula injection defence), for every workbook Candor writes.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String safe(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
