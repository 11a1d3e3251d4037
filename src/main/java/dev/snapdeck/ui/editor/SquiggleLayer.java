package dev.snapdeck.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.geometry.Bounds;
import javafx.scene.layout.Pane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;

import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.reactfx.Subscription;

/**
 * Wavy underlines under the editor's problems, drawn as paths on a transparent layer over the
 * code area. RichTextFX underlines text straight, dashed or dotted, never wavy, so the squiggle
 * lives here instead. The layer redraws whenever the area's viewport changes (typing, scrolling,
 * resizing) and only for the lines on screen, so long files cost nothing extra.
 */
final class SquiggleLayer extends Pane {

    static final String STYLE_CLASS = "squiggle";
    /** Horizontal distance between a crest and the next trough, in pixels. */
    static final double HALF_WAVE = 2.5;
    /** Height of a crest above the middle of the wave, in pixels. */
    static final double AMPLITUDE = 1.5;

    /** A stretch of text to underline, as offsets into the area's text (end exclusive). */
    record Range(int start, int end, EditorMarker.Severity severity) { }

    private final CodeArea area;
    private final Subscription subscriptions;
    private List<Range> ranges = List.of();

    SquiggleLayer(CodeArea area) {
        this.area = area;
        setMouseTransparent(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        subscriptions = area.viewportDirtyEvents().subscribe(ignore -> requestLayout())
                .and(area.plainTextChanges().subscribe(this::follow));
    }

    /** Underlines these ranges, replacing any shown before. */
    void show(List<Range> newRanges) {
        ranges = List.copyOf(newRanges);
        requestLayout();
    }

    /** Stops following the area. */
    void dispose() {
        subscriptions.unsubscribe();
    }

    /**
     * Moves the ranges with an edit, as RichTextFX moves styles, so a squiggle stays under its
     * text while the user types and the next check has not answered yet.
     */
    private void follow(PlainTextChange change) {
        int at = change.getPosition();
        int removedEnd = change.getRemovalEnd();
        int delta = change.getNetLength();
        List<Range> moved = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            int start = range.start() >= removedEnd ? range.start() + delta
                    : range.start() > at ? at : range.start();
            int end = range.end() >= removedEnd ? range.end() + delta
                    : range.end() > at ? at : range.end();
            if (end > start) {
                moved.add(new Range(start, end, range.severity()));
            }
        }
        ranges = moved;
    }

    /**
     * Laid out after the code area (it comes first in the parent), so the character bounds asked
     * for here are those of the text as it is now on screen.
     */
    @Override
    protected void layoutChildren() {
        List<Path> paths = new ArrayList<>();
        for (Range range : ranges) {
            Path path = new Path();
            path.getStyleClass().addAll(STYLE_CLASS, range.severity().name().toLowerCase(Locale.ROOT));
            for (Bounds line : visibleLineBounds(range)) {
                path.getElements().addAll(wave(line.getMinX(), line.getMaxX(), line.getMaxY() - AMPLITUDE));
            }
            if (!path.getElements().isEmpty()) {
                paths.add(path);
            }
        }
        getChildren().setAll(paths);
    }

    /** The range cut into one box per line, in this layer's coordinates; lines off screen are left out. */
    private List<Bounds> visibleLineBounds(Range range) {
        List<Bounds> boxes = new ArrayList<>();
        int length = area.getLength();
        int start = Math.min(range.start(), length);
        int end = Math.min(range.end(), length);
        int first = area.offsetToPosition(start, Bias.Forward).getMajor();
        int paragraph = first;
        int lineStart = start;
        while (lineStart < end && paragraph < area.getParagraphs().size()) {
            int paragraphEnd = area.getAbsolutePosition(paragraph, area.getParagraphLength(paragraph));
            int lineEnd = Math.min(end, paragraphEnd);
            if (lineEnd > lineStart) {
                Optional<Bounds> onScreen = area.getCharacterBoundsOnScreen(lineStart, lineEnd);
                onScreen.map(this::screenToLocal).ifPresent(boxes::add);
            }
            paragraph++;
            lineStart = paragraphEnd + 1;
        }
        return boxes;
    }

    /** A zigzag from {@code fromX} to {@code toX} around {@code y}: reads as a squiggle at this size. */
    static List<PathElement> wave(double fromX, double toX, double y) {
        List<PathElement> elements = new ArrayList<>();
        elements.add(new MoveTo(fromX, y + AMPLITUDE));
        boolean up = true;
        for (double x = fromX + HALF_WAVE; x < toX + HALF_WAVE; x += HALF_WAVE) {
            elements.add(new LineTo(Math.min(x, toX), up ? y - AMPLITUDE : y + AMPLITUDE));
            up = !up;
        }
        return elements;
    }
}
