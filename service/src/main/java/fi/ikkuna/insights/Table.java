package fi.ikkuna.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/**
 * One insights table: named columns and rows of plain values (String, Long, Double or null). The same object
 * becomes JSON for the dashboard and CSV for export, so both always carry the same figures.
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Builds rows in order; {@code add} takes one value per column. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        public Builder(String name, String... columns) {
            this.name = name;
            this.columns = List.of(columns);
        }

        public Builder add(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(name + ": " + values.length + " values for " + columns.size() + " columns");
            }
            rows.add(java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values))));
            return this;
        }

        public Table build() {
            return new Table(name, columns, rows);
        }
    }

    /** A ratio or mean as shown everywhere: four decimals, half up; null when there is nothing to divide. */
    public static Double round(double numerator, double denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator / denominator).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object().put("table", name);
        o.set("columns", Json.MAPPER.valueToTree(columns));
        ArrayNode out = o.putArray("rows");
        for (List<Object> row : rows) {
            ObjectNode r = out.addObject();
            for (int i = 0; i < columns.size(); i++) {
                r.set(columns.get(i), Json.MAPPER.valueToTree(row.get(i)));
            }
        }
        return o;
    }

    /** RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, quote or line break. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(columns));
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(values.get(i)));
        }
        sb.append("\r\n");
    }

    static String field(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        // Spreadsheets run text cells starting with these as formulas; names come from editable rule files.
        if (v instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\r") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
