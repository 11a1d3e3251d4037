package dev.snapdeck.runconfig;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Snapdeck's one rule for what a plain (unquoted) YAML scalar means: <b>YAML 1.1, exactly
 * as PyYAML's safe loader reads it</b> — the reader ZenML's own CLI uses, so a file means the
 * same to {@code zenml pipeline snapshot run --config} and to Snapdeck.
 *
 * <ul>
 *   <li>{@code yes no on off true false} (in lower, Capitalised or UPPER case) are booleans;
 *       {@code y} and {@code n} are text;</li>
 *   <li>{@code ~}, {@code null}, empty are null;</li>
 *   <li>integers may use {@code _} and {@code 0b}/{@code 0x} prefixes; a leading {@code 0} means
 *       octal ({@code 0755} is 493), and a leading-zero number with an 8 or 9 ({@code 0008}) is
 *       text; {@code 1:30} is sexagesimal (90);</li>
 *   <li>a float needs a dot, and an exponent needs a sign: {@code 1.0e+3} is 1000.0 but
 *       {@code 1e3} is text;</li>
 *   <li>quoted and block scalars are always text.</li>
 * </ul>
 *
 * Whenever a YAML 1.2 (core schema) reader would read the same plain scalar differently, or a
 * number loses how it was written ({@code 1.10} is sent as 1.1), the checker warns and quotes
 * what was typed, what is sent, and how to quote it. Keys follow the same rule: {@code on:} is
 * the boolean true, sent as the key {@code "true"}. All methods are pure and thread-safe.
 */
public final class ScalarRule {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Pattern NULL_11 = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE_11 = Pattern.compile("yes|Yes|YES|true|True|TRUE|on|On|ON");
    private static final Pattern FALSE_11 =
            Pattern.compile("no|No|NO|false|False|FALSE|off|Off|OFF");
    private static final Pattern BIN_11 = Pattern.compile("[-+]?0b[01_]+");
    private static final Pattern OCT_11 = Pattern.compile("[-+]?0[0-7_]+");
    private static final Pattern DEC_11 = Pattern.compile("[-+]?(?:0|[1-9][0-9_]*)");
    private static final Pattern HEX_11 = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern SEXA_INT_11 =
            Pattern.compile("[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern FLOAT_11 = Pattern.compile(
            "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?");
    private static final Pattern SEXA_FLOAT_11 =
            Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*");
    private static final Pattern SPECIAL_FLOAT =
            Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

    private static final Pattern NULL_12 = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL_12 = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT_12 = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCT_12 = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX_12 = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT_12 =
            Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern VERSION_LIKE = Pattern.compile("[0-9]+\\.[0-9]+0");

    private ScalarRule() {
    }

    /**
     * What a plain scalar is sent as under Snapdeck's rule (YAML 1.1 / PyYAML). Infinity and NaN
     * come back as text, since JSON cannot carry them; {@link #isNonFinite} tells them apart.
     */
    public static JsonNode resolve(String plain) {
        if (isPlainWord(plain)) {
            return JSON.textNode(plain);
        }
        JsonNode simple = simpleNumber(plain);
        if (simple != null) {
            return simple;
        }
        if (NULL_11.matcher(plain).matches()) {
            return JSON.nullNode();
        }
        if (TRUE_11.matcher(plain).matches() || FALSE_11.matcher(plain).matches()) {
            return JSON.booleanNode(TRUE_11.matcher(plain).matches());
        }
        Optional<BigInteger> integer = integer11(plain);
        if (integer.isPresent()) {
            return integerNode(integer.get());
        }
        if (FLOAT_11.matcher(plain).matches() && !plain.equals(".")) {
            return JSON.numberNode(Double.parseDouble(plain.replace("_", "")));
        }
        if (SEXA_FLOAT_11.matcher(plain).matches()) {
            return JSON.numberNode(sexagesimal(plain).doubleValue());
        }
        return JSON.textNode(plain);
    }

    /**
     * A fast answer for the common case: text starting with a letter that begins no boolean or
     * null word of either YAML version is text to both, whatever follows.
     */
    private static boolean isPlainWord(String plain) {
        if (plain.isEmpty()) {
            return false;
        }
        char first = plain.charAt(0);
        return Character.isLetter(first) && "yYnNoOtTfF".indexOf(first) < 0;
    }

    /**
     * The value of a number both YAML versions read alike: {@code -?(0|[1-9][0-9]*)} with an
     * optional {@code .digits} part; null for anything else. Avoids the regular expressions for
     * the most common numbers.
     */
    private static JsonNode simpleNumber(String plain) {
        int length = plain.length();
        int start = length > 1 && plain.charAt(0) == '-' ? 1 : 0;
        int dot = -1;
        for (int i = start; i < length; i++) {
            char c = plain.charAt(i);
            if (c == '.' && dot < 0 && i > start && i < length - 1) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        int integerEnd = dot < 0 ? length : dot;
        if (start == length || (plain.charAt(start) == '0' && integerEnd - start > 1)) {
            return null;
        }
        if (dot >= 0) {
            return JSON.numberNode(Double.parseDouble(plain));
        }
        return length - start < 10 ? JSON.numberNode(Integer.parseInt(plain))
                : integerNode(new BigInteger(plain));
    }

    /** Whether a plain scalar is YAML's infinity or not-a-number, which JSON cannot carry. */
    public static boolean isNonFinite(String plain) {
        return SPECIAL_FLOAT.matcher(plain).matches();
    }

    /** What a YAML 1.2 core-schema reader would make of the same plain scalar. */
    public static JsonNode resolveYaml12(String plain) {
        if (isPlainWord(plain)) {
            return JSON.textNode(plain);
        }
        JsonNode simple = simpleNumber(plain);
        if (simple != null) {
            return simple;
        }
        if (NULL_12.matcher(plain).matches()) {
            return JSON.nullNode();
        }
        if (BOOL_12.matcher(plain).matches()) {
            return JSON.booleanNode(plain.equalsIgnoreCase("true"));
        }
        if (INT_12.matcher(plain).matches()) {
            return integerNode(new BigInteger(plain.startsWith("+") ? plain.substring(1) : plain));
        }
        if (OCT_12.matcher(plain).matches()) {
            return integerNode(new BigInteger(plain.substring(2), 8));
        }
        if (HEX_12.matcher(plain).matches()) {
            return integerNode(new BigInteger(plain.substring(2), 16));
        }
        if (FLOAT_12.matcher(plain).matches() && !plain.equals(".")) {
            return JSON.numberNode(Double.parseDouble(plain));
        }
        return JSON.textNode(plain);
    }

    /**
     * The warning for a plain scalar whose meaning is not what it looks like, or empty when it is
     * unambiguous: the two YAML versions disagree, it is {@code ~}, or a number such as
     * {@code 1.10} loses the way it was written.
     */
    public static Optional<String> ambiguity(String plain) {
        if (isPlainWord(plain) || (simpleNumber(plain) != null
                && !VERSION_LIKE.matcher(plain).matches())) {
            return Optional.empty();
        }
        JsonNode sent = resolve(plain);
        JsonNode other = resolveYaml12(plain);
        String quoted = quote(plain);
        if (!sent.equals(other)) {
            return Optional.of("`" + plain + "` is sent as " + describe(sent)
                    + " (Snapdeck reads YAML 1.1, like ZenML's CLI); a YAML 1.2 reader would read "
                    + describe(other) + ". To send the text, write " + quoted + ".");
        }
        if (plain.equals("~")) {
            return Optional.of("`~` is sent as null, which keeps the snapshot's value. To send the "
                    + "text, write " + quoted + ".");
        }
        if (sent.isDouble() && VERSION_LIKE.matcher(plain).matches()
                && !plain.equals(sent.asText())) {
            return Optional.of("`" + plain + "` is sent as the number " + sent.asText()
                    + ", not as written. If it is a version or a code, write " + quoted + ".");
        }
        return Optional.empty();
    }

    /** A YAML double-quoted form of any text, safe to paste as a value or key. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Words for a JSON value in messages: {@code the boolean false}, {@code the text "NO"}. */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isTextual()) {
            return "the text " + quote(value.asText());
        }
        return value.isArray() ? "a list" : "a mapping";
    }

    private static Optional<BigInteger> integer11(String plain) {
        String sign = plain.startsWith("-") ? "-" : "";
        String body = plain.replace("_", "");
        body = body.startsWith("-") || body.startsWith("+") ? body.substring(1) : body;
        if (BIN_11.matcher(plain).matches()) {
            return Optional.of(new BigInteger(sign + body.substring(2), 2));
        }
        if (HEX_11.matcher(plain).matches()) {
            return Optional.of(new BigInteger(sign + body.substring(2), 16));
        }
        if (OCT_11.matcher(plain).matches() && body.length() > 1) {
            return Optional.of(new BigInteger(sign + body.substring(1), 8));
        }
        if (DEC_11.matcher(plain).matches() && !body.isEmpty()) {
            return Optional.of(new BigInteger(sign + body));
        }
        if (SEXA_INT_11.matcher(plain).matches()) {
            return Optional.of(sexagesimal(plain).toBigInteger());
        }
        return Optional.empty();
    }

    private static BigDecimal sexagesimal(String plain) {
        boolean negative = plain.startsWith("-");
        String unsigned = plain.replace("_", "");
        unsigned = unsigned.startsWith("-") || unsigned.startsWith("+")
                ? unsigned.substring(1) : unsigned;
        String[] parts = unsigned.split(":");
        BigDecimal total = BigDecimal.ZERO;
        for (String part : parts) {
            total = total.multiply(BigDecimal.valueOf(60))
                    .add(new BigDecimal(part.endsWith(".") ? part + "0" : part));
        }
        return negative ? total.negate() : total;
    }

    static JsonNode integerNode(BigInteger value) {
        if (value.bitLength() < 32) {
            return JSON.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
            return JSON.numberNode(value.longValue());
        }
        return JSON.numberNode(value);
    }
}
