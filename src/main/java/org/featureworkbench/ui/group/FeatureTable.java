package org.featureworkbench.ui.group;

import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;

/**
 * The group's features: name (with a badge on the record identifier and the event time),
 * type, description and parameters. Selecting a row picks the feature the metadata editor shows.
 */
final class FeatureTable extends TableView<FeatureDefinition> {
    private static final double ROW_HEIGHT = 34;

    FeatureTable(GroupDetailViewModel vm) {
        super(vm.features());
        setId("featureTable");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setFixedCellSize(ROW_HEIGHT);
        setPlaceholder(new Label("No features"));
        TableColumn<FeatureDefinition, String> name = column("Feature", FeatureDefinition::name, 220);
        name.setCellFactory(c -> new NameCell(vm.groupProperty()));
        TableColumn<FeatureDefinition, String> type = column("Type", f -> f.type().awsName(), 100);
        TableColumn<FeatureDefinition, String> description = column("Description", FeatureDefinition::description, 260);
        TableColumn<FeatureDefinition, String> parameters = column("Parameters", f -> f.parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")), 200);
        getColumns().add(name);
        getColumns().add(type);
        getColumns().add(description);
        getColumns().add(parameters);
        // Show every row without an inner scrollbar up to a sensible height; the page scrolls instead.
        prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(12, Math.max(3, vm.features().size())) * ROW_HEIGHT + 30, vm.features()));
        setMinHeight(USE_PREF_SIZE);
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.metadata().selectedFeatureNameProperty().set(now.name());
            }
        });
        vm.metadata().selectedFeatureProperty().addListener((obs, old, now) -> {
            if (now == null) {
                getSelectionModel().clearSelection();
            } else if (getSelectionModel().getSelectedItem() == null
                    || !getSelectionModel().getSelectedItem().equals(now)) {
                getSelectionModel().select(now);
            }
        });
    }

    private static TableColumn<FeatureDefinition, String> column(String title,
            java.util.function.Function<FeatureDefinition, String> value, double width) {
        TableColumn<FeatureDefinition, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** Name plus a small badge saying which role the feature plays. */
    private static final class NameCell extends TableCell<FeatureDefinition, String> {
        private final ObservableValue<FeatureGroup> group;

        NameCell(ObservableValue<FeatureGroup> group) {
            this.group = group;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null || group.getValue() == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(item);
            name.getStyleClass().add("feature-name");
            HBox box = new HBox(8, name);
            box.setAlignment(Pos.CENTER_LEFT);
            String role = item.equals(group.getValue().definition().recordIdentifierFeatureName()) ? "record id"
                    : item.equals(group.getValue().definition().eventTimeFeatureName()) ? "event time" : null;
            if (role != null) {
                Label badge = new Label(role);
                badge.getStyleClass().addAll("badge", role.equals("record id") ? "badge-key" : "badge-time");
                box.getChildren().add(badge);
            }
            setGraphic(box);
        }
    }
}
