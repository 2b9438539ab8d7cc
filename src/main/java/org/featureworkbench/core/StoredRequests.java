package org.featureworkbench.core;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.featureworkbench.model.TargetStore;

/** Turns an {@link IngestRequest} into the plain values a job record keeps, and back (for a resume). */
final class StoredRequests {
    private StoredRequests() {
    }

    static IngestJobRecord.StoredRequest of(IngestRequest r) {
        FileOptions o = r.fileOptions();
        return new IngestJobRecord.StoredRequest(r.groupName(), r.file().toAbsolutePath().normalize().toString(),
                o.format() == null ? null : o.format().name(),
                o.delimiter() == null ? null : String.valueOf(o.delimiter()),
                o.encoding() == null ? null : o.encoding().name(),
                r.targets().stream().map(Enum::name).sorted().toList(), r.renames(), r.stampEventTime(),
                r.onError().name(), r.rejectsFile() == null ? null : r.rejectsFile().toAbsolutePath().toString());
    }

    /** The request again, into the existing group (a resume never creates it). */
    static IngestRequest toRequest(IngestJobRecord.StoredRequest s) {
        FileOptions options = new FileOptions(s.format() == null ? null : FileFormat.valueOf(s.format()),
                s.delimiter() == null || s.delimiter().isEmpty() ? null : s.delimiter().charAt(0),
                s.encoding() == null ? null : Charset.forName(s.encoding()));
        Set<TargetStore> targets = EnumSet.noneOf(TargetStore.class);
        if (s.targets() != null) {
            s.targets().forEach(t -> targets.add(TargetStore.valueOf(t)));
        }
        return new IngestRequest(s.group(), Path.of(s.file()), options, targets, null, s.renames(),
                s.stampEventTime(), IngestRequest.OnError.valueOf(s.onError()),
                s.rejectsFile() == null ? null : Path.of(s.rejectsFile()));
    }
}
