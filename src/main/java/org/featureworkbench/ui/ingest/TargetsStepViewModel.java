package org.featureworkbench.ui.ingest;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.featureworkbench.core.IngestRequest.OnError;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.ui.dialog.DialogService;

/**
 * Step 4: which stores to write (for a new group: which stores it gets), what a bad row does
 * (skip it into the rejects file, or fail the whole ingest and write nothing), and where the
 * rejects go.
 */
public final class TargetsStepViewModel {
    private final DialogService dialogs;
    private final Path defaultRejectsFolder;
    private final BooleanProperty online = new SimpleBooleanProperty(this, "online", true);
    private final BooleanProperty offline = new SimpleBooleanProperty(this, "offline", true);
    private final BooleanProperty onlineAvailable = new SimpleBooleanProperty(this, "onlineAvailable", true);
    private final BooleanProperty offlineAvailable = new SimpleBooleanProperty(this, "offlineAvailable", true);
    private final ObjectProperty<OnError> onError = new SimpleObjectProperty<>(this, "onError", OnError.SKIP);
    private final ObjectProperty<Path> rejectsFile = new SimpleObjectProperty<>(this, "rejectsFile");
    private final StringBinding rejectsText;
    private final StringBinding problem;

    TargetsStepViewModel(DialogService dialogs, Path defaultRejectsFolder) {
        this.dialogs = dialogs;
        this.defaultRejectsFolder = defaultRejectsFolder;
        rejectsText = Bindings.createStringBinding(() -> rejectsFile.get() != null ? rejectsFile.get().toString()
                : defaultRejectsFolder.resolve("<job id>.csv") + "  (default, created only when a row is rejected)",
                rejectsFile);
        problem = Bindings.createStringBinding(() -> online.get() || offline.get() ? ""
                : "Choose at least one store.", online, offline);
    }

    /** Offers only the stores an existing group has, all of them ticked. */
    void forGroup(FeatureGroup group) {
        boolean hasOnline = group.definition().onlineStore().enabled();
        boolean hasOffline = group.definition().offlineStore().enabled();
        onlineAvailable.set(hasOnline);
        offlineAvailable.set(hasOffline);
        online.set(hasOnline);
        offline.set(hasOffline);
    }

    /** Asks where the rejected rows should go. */
    public void chooseRejectsFile() {
        dialogs.chooseFileToSave("Save rejected rows to", defaultRejectsFolder, "rejects.csv", "CSV", "*.csv")
                .ifPresent(rejectsFile::set);
    }

    /** Goes back to the default rejects file. */
    public void useDefaultRejectsFile() {
        rejectsFile.set(null);
    }

    /** The ticked stores. */
    public Set<TargetStore> targets() {
        Set<TargetStore> targets = EnumSet.noneOf(TargetStore.class);
        if (online.get()) {
            targets.add(TargetStore.ONLINE_STORE);
        }
        if (offline.get()) {
            targets.add(TargetStore.OFFLINE_STORE);
        }
        return targets;
    }

    public BooleanProperty onlineProperty() { return online; }
    public BooleanProperty offlineProperty() { return offline; }
    public BooleanProperty onlineAvailableProperty() { return onlineAvailable; }
    public BooleanProperty offlineAvailableProperty() { return offlineAvailable; }
    public ObjectProperty<OnError> onErrorProperty() { return onError; }
    /** The chosen rejects file, or null for the default one. */
    public ObjectProperty<Path> rejectsFileProperty() { return rejectsFile; }
    public StringBinding rejectsTextProperty() { return rejectsText; }
    public StringBinding problemProperty() { return problem; }
}
