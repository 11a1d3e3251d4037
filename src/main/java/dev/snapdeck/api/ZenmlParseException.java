package dev.snapdeck.api;

/**
 * The server answered 2xx, but a field Snapdeck needs had a form it cannot read (for example an
 * id that is no UUID). Unknown fields and unknown enum values never cause this.
 */
public class ZenmlParseException extends ZenmlException {

    public ZenmlParseException(String message, Throwable cause) {
        super(0, null, message, cause);
    }
}
