package dev.snapdeck.runconfig;

/**
 * Hard limits on what the reader accepts. Going past one is reported as an error diagnostic and
 * reading stops; it never hangs, overflows the stack or runs out of memory.
 *
 * @param maxChars       longest text accepted, in characters
 * @param maxDepth       deepest nesting of mappings and lists, counting what aliases expand to
 * @param maxAliasValues most values that all aliases together may expand to
 */
public record Limits(int maxChars, int maxDepth, int maxAliasValues) {

    /** 2,000,000 characters, 64 levels, 10,000 values from aliases. */
    public static final Limits DEFAULT = new Limits(2_000_000, 64, 10_000);
}
