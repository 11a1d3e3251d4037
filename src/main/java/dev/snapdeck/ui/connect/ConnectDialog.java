package dev.snapdeck.ui.connect;

import java.util.Map;
import java.util.Objects;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import dev.snapdeck.service.ConnectionProfile;
import dev.snapdeck.service.ConnectionProfile.SignIn;
import dev.snapdeck.ui.controls.Widths;

/** The Connect dialog over {@link ConnectViewModel}; closes once a connection is made. */
public final class ConnectDialog extends Dialog<Void> {

    public static final String PROFILES_ID = "connectProfiles";
    public static final String NAME_ID = "connectName";
    public static final String URL_ID = "connectUrl";
    public static final String SIGN_IN_ID = "connectSignIn";
    public static final String USERNAME_ID = "connectUsername";
    public static final String SECRET_ID = "connectSecret";
    public static final String ERROR_ID = "connectError";
    public static final String CONNECT_ID = "connectButton";
    public static final ButtonType CONNECT = new ButtonType("Connect",
            ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType LOCAL = new ButtonType("Use local server",
            ButtonBar.ButtonData.LEFT);
    private static final Map<SignIn, String> SIGN_IN_NAMES = Map.of(
            SignIn.PASSWORD, "User name and password", SignIn.API_KEY, "API key",
            SignIn.TOKEN, "Access token");

    private final ConnectViewModel viewModel;

    public ConnectDialog(ConnectViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        setTitle("Connect");
        setHeaderText("Choose a server, or add one");
        getDialogPane().getButtonTypes().addAll(LOCAL, CONNECT, ButtonType.CLOSE);
        getDialogPane().setContent(new HBox(12, createList(), createForm()));
        // Without this the dialog opens narrower than its form and squeezes the profile list.
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);

        Button connect = (Button) getDialogPane().lookupButton(CONNECT);
        connect.setId(CONNECT_ID);
        connect.disableProperty().bind(Bindings.not(viewModel.canConnectProperty()));
        connect.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.connect();
        });
        Button local = (Button) getDialogPane().lookupButton(LOCAL);
        local.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.useLocalServer();
        });
        viewModel.connectedProperty().addListener((obs, old, now) -> {
            if (now) {
                setResult(null);
                close();
            }
        });
    }

    private Node createList() {
        ListView<ConnectionProfile> list = new ListView<>(viewModel.getProfiles());
        list.setId(PROFILES_ID);
        list.setPrefSize(200, 260);
        list.setPlaceholder(new Label("No saved connections"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name()
                        + (item.name().equals(viewModel.activeProperty().get()) ? " (active)" : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> viewModel.selectedProperty().set(now));
        Button add = new Button("New");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            viewModel.newProfile();
        });
        Button remove = new Button("Remove");
        remove.disableProperty().bind(viewModel.selectedProperty().isNull());
        remove.setOnAction(e -> viewModel.removeSelected());
        VBox side = new VBox(6, list, new HBox(6, add, remove));
        Widths.keepWhole(side, add, remove);
        return side;
    }

    private Node createForm() {
        TextField name = field(NAME_ID, "e.g. team server");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        TextField url = field(URL_ID, "https://zenml.example.com");
        url.textProperty().bindBidirectional(viewModel.urlProperty());
        ComboBox<SignIn> signIn = new ComboBox<>();
        signIn.getItems().addAll(SignIn.values());
        signIn.setId(SIGN_IN_ID);
        signIn.setConverter(new StringConverter<>() {
            @Override
            public String toString(SignIn way) {
                return way == null ? "" : SIGN_IN_NAMES.get(way);
            }

            @Override
            public SignIn fromString(String text) {
                return SIGN_IN_NAMES.entrySet().stream().filter(e -> e.getValue().equals(text))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
            }
        });
        signIn.valueProperty().bindBidirectional(viewModel.signInProperty());
        TextField username = field(USERNAME_ID, "user name");
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        username.disableProperty().bind(viewModel.signInProperty().isNotEqualTo(SignIn.PASSWORD));
        PasswordField secret = new PasswordField();
        secret.setId(SECRET_ID);
        secret.setPromptText("password, API key or token (empty: keep the saved one)");
        secret.textProperty().bindBidirectional(viewModel.secretProperty());

        Label error = new Label();
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(viewModel.errorProperty());
        // A wrapped message asks for the lines it needs, and the dialog grows to show them all.
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().addListener((obs, old, now) -> Platform.runLater(() -> {
            Window window = getDialogPane().getScene() == null ? null
                    : getDialogPane().getScene().getWindow();
            if (window != null) {
                window.sizeToScene();
            }
        }));
        Label where = new Label("Secrets are kept in " + viewModel.secretsLocation());
        where.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.getColumnConstraints().setAll(Widths.formColumns(2));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Server URL"), url);
        grid.addRow(2, new Label("Sign in with"), signIn);
        grid.addRow(3, new Label("User name"), username);
        grid.addRow(4, new Label("Secret"), secret);
        VBox form = new VBox(10, grid, error, where);
        // Wide enough for the secret's prompt, which says what leaving it empty does.
        form.setPrefWidth(520);
        return form;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }
}
