package dev.snapdeck.ui.editor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.snapdeck.runconfig.ParameterSpec;

/**
 * The value behind a Form spinner for an integer or number parameter, held as the YAML has it:
 * out of bounds, or not a number at all, it is kept and shown as it is, never clamped. The
 * spinner's own factories clamp whatever they are given, so leaving a field that showed an
 * out-of-range value used to write the nearest bound into the YAML without a word.
 *
 * <p>Only the arrows keep to the bounds. Typed text is read as typed: a number out of range, or
 * text that is no number, is written so that the checker points at it in place. Text left as it
 * was shown reads back as the same value, so focusing a field and leaving it writes nothing.
 */
final class ParameterValueFactory extends SpinnerValueFactory<JsonNode> {

    private static final BigDecimal INTEGER_STEP = BigDecimal.ONE;
    private static final BigDecimal NUMBER_STEP = new BigDecimal("0.1");

    private final boolean integral;
    private final BigDecimal min;
    private final BigDecimal max;

    private ParameterValueFactory(boolean integral, BigDecimal min, BigDecimal max) {
        this.integral = integral;
        this.min = min;
        this.max = max;
        setValue(NullNode.getInstance());
        setConverter(new Converter());
    }

    /** For a parameter of type integer: steps of 1 between its (exclusive) bounds. */
    static ParameterValueFactory integers(ParameterSpec spec) {
        BigDecimal min = spec.minimum().map(m -> BigDecimal.valueOf(Math.ceil(m)
                + (spec.exclusiveMinimum() ? 1 : 0))).orElse(null);
        BigDecimal max = spec.maximum().map(m -> BigDecimal.valueOf(Math.floor(m)
                - (spec.exclusiveMaximum() ? 1 : 0))).orElse(null);
        return new ParameterValueFactory(true, min, max);
    }

    /**
     * For a parameter of type number: steps of 0.1 between its bounds. An exclusive bound can be
     * stepped onto; the checker then says so, as it does for a typed value.
     */
    static ParameterValueFactory numbers(ParameterSpec spec) {
        return new ParameterValueFactory(false, spec.minimum().map(BigDecimal::valueOf).orElse(null),
                spec.maximum().map(BigDecimal::valueOf).orElse(null));
    }

    /** The value as the field shows it: the YAML's scalar, a number without a trailing ".0". */
    String shown(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isFloatingPointNumber() && Double.isFinite(value.asDouble())) {
            String text = Double.toString(value.asDouble());
            return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        }
        return value.toString();
    }

    @Override
    public void increment(int steps) {
        step(steps);
    }

    @Override
    public void decrement(int steps) {
        step(-steps);
    }

    /** Moves from the value (from 0 when it is no number) and lands within the bounds. */
    private void step(int steps) {
        JsonNode value = getValue();
        BigDecimal from = value != null && value.isNumber() ? value.decimalValue() : BigDecimal.ZERO;
        BigDecimal step = integral ? INTEGER_STEP : NUMBER_STEP;
        BigDecimal to = within(from.add(step.multiply(BigDecimal.valueOf(steps))));
        setValue(integral ? integer(to.setScale(0, RoundingMode.FLOOR).toBigInteger())
                : DoubleNode.valueOf(to.doubleValue()));
    }

    private BigDecimal within(BigDecimal value) {
        BigDecimal at = min != null && value.compareTo(min) < 0 ? min : value;
        return max != null && at.compareTo(max) > 0 ? max : at;
    }

    private static JsonNode integer(BigInteger value) {
        if (value.bitLength() < Integer.SIZE) {
            return IntNode.valueOf(value.intValue());
        }
        return value.bitLength() < Long.SIZE ? LongNode.valueOf(value.longValue())
                : BigIntegerNode.valueOf(value);
    }

    /** What typed text means; the text left as shown means the value it shows. */
    private JsonNode read(String text) {
        JsonNode current = getValue();
        String typed = text == null ? "" : text.strip();
        if (typed.equals(shown(current).strip())) {
            return current;
        }
        if (typed.isEmpty()) {
            // Emptying a field is not a value to write; the YAML's value stays and shows again.
            return current;
        }
        if (integral) {
            try {
                return integer(new BigInteger(typed));
            } catch (NumberFormatException notAnInteger) {
                // Read on as a number or text, for the checker to name the type it wants.
            }
        }
        try {
            double number = new BigDecimal(typed).doubleValue();
            if (Double.isFinite(number)) {
                return DoubleNode.valueOf(number);
            }
        } catch (NumberFormatException notANumber) {
            // Written as text, as typed.
        }
        return TextNode.valueOf(typed);
    }

    private final class Converter extends StringConverter<JsonNode> {

        @Override
        public String toString(JsonNode value) {
            return shown(value);
        }

        @Override
        public JsonNode fromString(String text) {
            return read(text);
        }
    }
}
