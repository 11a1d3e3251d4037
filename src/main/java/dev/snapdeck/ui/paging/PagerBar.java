package dev.snapdeck.ui.paging;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The line under a table paged by a {@link ServerPager}: what went wrong loading it on the left,
 * the page line with Back and Next on the right. Its parts get the ids {@code <prefix>Error},
 * {@code <prefix>PageText}, {@code <prefix>PreviousPage} and {@code <prefix>NextPage}.
 */
public final class PagerBar extends HBox {

    /**
     * @param error what went wrong loading the table, shown in red; null for a table without one
     * @param backTip the Back button's tooltip (e.g. "Newer snapshots"); null for none
     * @param nextTip the Next button's tooltip; null for none
     */
    public PagerBar(ServerPager<?> pager, String idPrefix, ObservableValue<String> error, String backTip,
            String nextTip) {
        super(8);
        if (error != null) {
            Label problem = new Label();
            problem.setId(idPrefix + "Error");
            problem.getStyleClass().add("error");
            problem.textProperty().bind(error);
            getChildren().add(problem);
        }
        Label text = new Label();
        text.setId(idPrefix + "PageText");
        text.textProperty().bind(pager.pageTextProperty());
        Button previous = button(idPrefix + "PreviousPage", Feather.CHEVRON_LEFT, backTip);
        previous.disableProperty().bind(Bindings.not(pager.canGoBackProperty()));
        previous.setOnAction(e -> pager.previousPage());
        Button next = button(idPrefix + "NextPage", Feather.CHEVRON_RIGHT, nextTip);
        next.disableProperty().bind(Bindings.not(pager.canGoForwardProperty()));
        next.setOnAction(e -> pager.nextPage());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(spacer, text, previous, next);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("pager");
    }

    private static Button button(String id, Feather icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        if (tip != null) {
            button.setTooltip(new Tooltip(tip));
        }
        return button;
    }
}
