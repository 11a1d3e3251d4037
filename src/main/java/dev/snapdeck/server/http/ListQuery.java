package dev.snapdeck.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.snapdeck.server.store.Times;

import io.javalin.http.Context;

/**
 * The paging, sorting and filtering parameters of a list request (§1.5) turned into SQL: a WHERE
 * clause over declared fields only (unknown parameters are ignored), an ORDER BY with {@code id}
 * as tie-breaker, and LIMIT/OFFSET.
 */
public final class ListQuery {

    /** How a filter field compares. */
    public enum Type { TEXT, DATE, BOOL, INT }

    /** A filterable query parameter and the SQL expression it filters. */
    public record Field(String column, Type type) {
    }

    public static final int MAX_SIZE = 10_000;

    private final int page;
    private final int size;
    private final boolean hydrate;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final List<String> fixed = new ArrayList<>();
    private final List<Object> fixedParameters = new ArrayList<>();
    private final boolean or;
    private final String orderBy;

    private ListQuery(int page, int size, boolean hydrate, boolean or, String orderBy) {
        this.page = page;
        this.size = size;
        this.hydrate = hydrate;
        this.or = or;
        this.orderBy = orderBy;
    }

    /**
     * Reads the request's list parameters.
     *
     * @param fields      filterable parameters by name
     * @param sortColumns sortable names → SQL expressions
     * @param defaultSort {@code sort_by} when the request has none
     * @throws ApiException 422 for a bad page, size, sort or filter value
     */
    public static ListQuery parse(Context ctx, String filterModel, Map<String, Field> fields,
            Map<String, String> sortColumns, String defaultSort) {
        int page = intParam(ctx, "page", 1, filterModel);
        int size = intParam(ctx, "size", 20, filterModel);
        if (page < 1) {
            throw rangeError(filterModel, "page", "greater than or equal to 1", "greater_than_equal", page);
        }
        if (size < 1) {
            throw rangeError(filterModel, "size", "greater than or equal to 1", "greater_than_equal", size);
        }
        if (size > MAX_SIZE) {
            throw rangeError(filterModel, "size", "less than or equal to " + MAX_SIZE, "less_than_equal", size);
        }
        String operator = ctx.queryParam("logical_operator");
        if (operator != null && !operator.equals("and") && !operator.equals("or")) {
            throw ApiException.queryValidation("logical_operator must be 'and' or 'or', not '" + operator + "'");
        }
        String sort = ctx.queryParam("sort_by");
        String orderBy = orderBy(sort == null || sort.isBlank() ? defaultSort : sort, sortColumns);
        ListQuery query = new ListQuery(page, size, bool(ctx.queryParam("hydrate"), false), "or".equals(operator),
                orderBy);
        for (Map.Entry<String, Field> field : fields.entrySet()) {
            for (String value : ctx.queryParams(field.getKey())) {
                query.addFilter(field.getKey(), field.getValue(), value);
            }
        }
        return query;
    }

    private static ApiException rangeError(String model, String name, String rule, String type, int value) {
        return ApiException.queryValidation("1 validation error for " + model + "\n" + name + "\n  Input should be "
                + rule + " [type=" + type + ", input_value=" + value + ", input_type=int]\n"
                + "    For further information visit https://errors.pydantic.dev/2.11/v/" + type);
    }

    private static int intParam(Context ctx, String name, int fallback, String model) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.queryValidation("1 validation error for " + model + "\n" + name
                    + "\n  Input should be a valid integer, unable to parse string as an integer [type=int_parsing, "
                    + "input_value='" + text + "', input_type=str]");
        }
    }

    /** {@code true/false/1/0}; anything else is the fallback when absent, an error when present. */
    public static boolean bool(String text, boolean fallback) {
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.queryValidation("'" + text + "' is not a boolean (true, false, 1, 0)");
        };
    }

    private static String orderBy(String sort, Map<String, String> sortColumns) {
        String direction = "ASC";
        String column = sort.trim();
        if (column.startsWith("asc:")) {
            column = column.substring(4);
        } else if (column.startsWith("desc:")) {
            direction = "DESC";
            column = column.substring(5);
        }
        String expression = sortColumns.get(column);
        if (expression == null) {
            throw ApiException.queryValidation("Invalid sort_by column '" + column + "'. Sortable columns: "
                    + String.join(", ", sortColumns.keySet()) + ".");
        }
        return expression + " " + direction + (column.equals("id") ? "" : ", id " + direction);
    }

    private void addFilter(String name, Field field, String raw) {
        String op = "equals";
        String value = raw;
        int colon = raw.indexOf(':');
        if (colon > 0) {
            String prefix = raw.substring(0, colon);
            if (OPERATORS.contains(prefix)) {
                op = prefix;
                value = raw.substring(colon + 1);
            }
        }
        String column = field.column();
        switch (op) {
            case "isempty" -> conditions.add(column + " IS NULL");
            case "isnotempty" -> conditions.add(column + " IS NOT NULL");
            case "contains", "notcontains", "startswith", "endswith" -> {
                requireText(name, field, op);
                String pattern = switch (op) {
                    case "startswith" -> escapeLike(value) + "%";
                    case "endswith" -> "%" + escapeLike(value);
                    default -> "%" + escapeLike(value) + "%";
                };
                conditions.add(column + (op.equals("notcontains") ? " NOT" : "") + " LIKE ? ESCAPE '\\'");
                parameters.add(pattern);
            }
            case "oneof", "notoneof" -> {
                List<Object> values = jsonList(name, value).stream().map(v -> convert(name, field, v)).toList();
                if (values.isEmpty()) {
                    conditions.add(op.equals("oneof") ? "0" : "1");
                } else {
                    conditions.add(column + (op.equals("notoneof") ? " NOT" : "") + " IN ("
                            + String.join(",", java.util.Collections.nCopies(values.size(), "?")) + ")");
                    parameters.addAll(values);
                }
            }
            case "in" -> {
                if (field.type() != Type.DATE) {
                    throw ApiException.queryValidation("Filter operator 'in' on '" + name + "' only works on dates");
                }
                String[] range = value.split(",", -1);
                if (range.length != 2) {
                    throw ApiException.queryValidation("Filter 'in' on '" + name
                            + "' needs two dates separated by a comma");
                }
                conditions.add(column + " BETWEEN ? AND ?");
                parameters.add(convert(name, field, range[0]));
                parameters.add(((String) convert(name, field, range[1])).replace(".000000", ".999999"));
            }
            case "gt", "gte", "lt", "lte" -> {
                String sql = switch (op) {
                    case "gt" -> " > ?";
                    case "gte" -> " >= ?";
                    case "lt" -> " < ?";
                    default -> " <= ?";
                };
                conditions.add(column + sql);
                parameters.add(convert(name, field, value));
            }
            case "notequals" -> {
                conditions.add("(" + column + " IS NULL OR " + column + " <> ?)");
                parameters.add(convert(name, field, value));
            }
            default -> {
                if (field.type() == Type.DATE) {
                    String start = (String) convert(name, field, value);
                    conditions.add(column + " BETWEEN ? AND ?");
                    parameters.add(start);
                    parameters.add(start.replace(".000000", ".999999"));
                } else {
                    conditions.add(column + " = ?");
                    parameters.add(convert(name, field, value));
                }
            }
        }
    }

    private static final java.util.Set<String> OPERATORS = java.util.Set.of("equals", "notequals", "contains",
            "notcontains", "startswith", "endswith", "oneof", "notoneof", "gt", "gte", "lt", "lte", "in", "isempty",
            "isnotempty");

    private static void requireText(String name, Field field, String op) {
        if (field.type() != Type.TEXT) {
            throw ApiException.queryValidation("Filter operator '" + op + "' does not work on '" + name + "'");
        }
    }

    private static Object convert(String name, Field field, String value) {
        try {
            return switch (field.type()) {
                case TEXT -> value;
                case DATE -> Times.fromFilter(value);
                case BOOL -> bool(value, false) ? 1 : 0;
                case INT -> Long.parseLong(value.trim());
            };
        } catch (NumberFormatException e) {
            throw ApiException.queryValidation("Filter '" + name + "': '" + value + "' is not an integer");
        } catch (IllegalArgumentException e) {
            throw ApiException.queryValidation("Filter '" + name + "': " + e.getMessage());
        }
    }

    private static List<String> jsonList(String name, String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isArray()) {
                throw ApiException.queryValidation("Filter '" + name + "': oneof needs a JSON list, not '" + text
                        + "'");
            }
            List<String> values = new ArrayList<>();
            node.forEach(item -> values.add(item.asText()));
            return values;
        } catch (JsonProcessingException e) {
            throw ApiException.queryValidation("Filter '" + name + "': oneof needs a JSON list, not '" + text + "'");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Adds a condition always combined with AND (e.g. the project scope). */
    public ListQuery require(String condition, Object... values) {
        fixed.add(condition);
        fixedParameters.addAll(List.of(values));
        return this;
    }

    public String where() {
        List<String> parts = new ArrayList<>(fixed);
        if (!conditions.isEmpty()) {
            parts.add("(" + String.join(or ? " OR " : " AND ", conditions) + ")");
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    public List<Object> parameters() {
        List<Object> all = new ArrayList<>(fixedParameters);
        all.addAll(parameters);
        return all;
    }

    public String orderBy() {
        return " ORDER BY " + orderBy;
    }

    public String limit() {
        return " LIMIT " + size + " OFFSET " + ((long) (page - 1) * size);
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public boolean hydrate() {
        return hydrate;
    }

    /** @throws ApiException 400 when the page is past the end (an empty result has one page) */
    public void checkPage(long total) {
        long pages = Math.max(1, (total + size - 1) / size);
        if (page > pages) {
            throw ApiException.badRequest("Invalid page " + page + ". The requested page size is " + size
                    + " and there are a total of " + total + " items for this query. The maximum page value "
                    + "therefore is " + pages + ".");
        }
    }
}
