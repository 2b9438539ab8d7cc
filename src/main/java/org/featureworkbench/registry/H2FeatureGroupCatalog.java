package org.featureworkbench.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.featureworkbench.database.Retry;
import org.featureworkbench.model.CatalogStamp;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureGroupStatus;
import org.featureworkbench.model.FeatureGroupValidator;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.GroupSearchQuery;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;

/**
 * The catalog in the workspace's H2 database: one row per group, the definition stored as JSON
 * beside the columns that are sorted on. Updates are read-modify-write under a row lock
 * ({@code SELECT … FOR UPDATE}) so two processes on one workspace never lose each other's change.
 */
public final class H2FeatureGroupCatalog implements FeatureGroupCatalog {
    private static final String DUPLICATE_KEY = "23505";
    /** Every create and change draws a new stamp, so no two definitions of a name ever share one. */
    private static final String NEXT_VERSION = "NEXT VALUE FOR FWB_CATALOG_VERSION";

    private final DataSource dataSource;

    /** Creates the catalog table if needed. The data source is owned by the caller. */
    public H2FeatureGroupCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
        try {
            // Idempotent, so done again when another process's hand-over of the database breaks it
            // half-way (seen in ManyProcessesOneWorkspaceIT: "Lock file recently modified").
            Retry.onLostConnection(() -> {
                createTables();
                return null;
            });
        } catch (SQLException e) {
            throw storeError("could not open the feature group catalog", e);
        }
    }

    private void createTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS FWB_FEATURE_GROUP (
                      NAME VARCHAR(64) PRIMARY KEY,
                      CREATION_TIME_MS BIGINT NOT NULL,
                      LAST_MODIFIED_TIME_MS BIGINT NOT NULL,
                      STATUS VARCHAR(20) NOT NULL,
                      DEFINITION CHARACTER LARGE OBJECT NOT NULL)""");
            // The version stamp of the data path's cache (CatalogVersions); workspaces created
            // before it existed get their stamps here, once.
            s.execute("CREATE SEQUENCE IF NOT EXISTS FWB_CATALOG_VERSION");
            s.execute("ALTER TABLE FWB_FEATURE_GROUP ADD COLUMN IF NOT EXISTS VERSION BIGINT");
            s.execute("UPDATE FWB_FEATURE_GROUP SET VERSION = NEXT VALUE FOR FWB_CATALOG_VERSION WHERE VERSION IS NULL");
        }
    }

    @Override
    public FeatureGroup create(FeatureGroupDefinition definition, Instant creationTime) {
        FeatureGroupValidator.validate(definition);
        FeatureGroup group = new FeatureGroup(definition, creationTime, creationTime, FeatureGroupStatus.CREATED);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO FWB_FEATURE_GROUP (NAME, CREATION_TIME_MS,"
                     + " LAST_MODIFIED_TIME_MS, STATUS, DEFINITION, VERSION) VALUES (?, ?, ?, ?, ?, " + NEXT_VERSION + ")")) {
            ps.setString(1, definition.name());
            ps.setLong(2, creationTime.toEpochMilli());
            ps.setLong(3, creationTime.toEpochMilli());
            ps.setString(4, group.status().awsName());
            ps.setString(5, DefinitionJson.write(definition));
            ps.executeUpdate();
            return group;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                throw new ResourceInUseException("FeatureGroupName: a feature group named '" + definition.name()
                        + "' already exists; choose another name or delete the existing group first");
            }
            throw storeError("could not create feature group '" + definition.name() + "'", e);
        }
    }

    @Override
    public Optional<FeatureGroup> find(String name) {
        return findEntry(name).map(CatalogEntry::group);
    }

    @Override
    public Optional<CatalogEntry> findEntry(String name) {
        return Retry.onLostConnection(() -> findEntryOnce(name));
    }

    private Optional<CatalogEntry> findEntryOnce(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM FWB_FEATURE_GROUP WHERE NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CatalogEntry(read(rs), rs.getLong("VERSION"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw storeError("could not read feature group '" + name + "'", e);
        }
    }

    @Override
    public OptionalLong version(String name) {
        return Retry.onLostConnection(() -> versionOnce(name));
    }

    private OptionalLong versionOnce(String name) {
        try (Connection c = dataSource.getConnection()) {
            return CatalogVersions.current(c, name);
        } catch (SQLException e) {
            throw storeError("could not read feature group '" + name + "'", e);
        }
    }

    @Override
    public CatalogStamp stamp() {
        return Retry.onLostConnection(this::stampOnce);
    }

    private CatalogStamp stampOnce() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(MAX(VERSION), 0), COALESCE(SUM(VERSION), 0) FROM FWB_FEATURE_GROUP");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new CatalogStamp(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        } catch (SQLException e) {
            throw storeError("could not read the feature group catalog", e);
        }
    }

    @Override
    public List<FeatureGroup> list(GroupListQuery query) {
        String needle = query.nameContains() == null ? "" : query.nameContains().toLowerCase(Locale.ROOT);
        Comparator<FeatureGroup> order = query.sortBy() == GroupListQuery.SortBy.CREATION_TIME
                ? Comparator.comparing(FeatureGroup::creationTime).thenComparing(FeatureGroup::name)
                : Comparator.comparing(FeatureGroup::name, String.CASE_INSENSITIVE_ORDER);
        return all().stream()
                .filter(g -> g.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(query.descending() ? order.reversed() : order)
                .toList();
    }

    @Override
    public List<FeatureGroup> search(GroupSearchQuery query) {
        return all().stream()
                .filter(g -> GroupSearchMatcher.matches(g, query))
                .sorted(Comparator.comparing(FeatureGroup::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public FeatureGroup addFeatures(String groupName, List<FeatureDefinition> additions) {
        return update(groupName, d -> {
            FeatureGroupValidator.validateAdditions(d, additions);
            List<FeatureDefinition> features = new ArrayList<>(d.features());
            features.addAll(additions);
            return d.withFeatures(features);
        });
    }

    @Override
    public FeatureGroup updateOnlineTtl(String groupName, TtlDuration ttl) {
        return update(groupName, d -> {
            if (!d.onlineStore().enabled()) {
                throw new ValidationException("OnlineStoreConfig.TtlDuration", "feature group '" + groupName
                        + "' has no online store, so a TTL has nothing to expire; leave OnlineStoreConfig out");
            }
            return d.withOnlineStore(new OnlineStoreConfig(true, ttl));
        });
    }

    @Override
    public FeatureGroup updateFeatureMetadata(String groupName, String featureName, FeatureMetadataUpdate update) {
        return update(groupName, d -> {
            FeatureDefinition feature = d.feature(featureName).orElseThrow(() -> new ResourceNotFoundException(
                    "FeatureName: feature '" + featureName + "' does not exist in group '" + groupName + "'"));
            FeatureDefinition updated = update.applyTo(feature);
            return d.withFeatures(d.features().stream().map(f -> f == feature ? updated : f).toList());
        });
    }

    @Override
    public FeatureGroup updateTags(String groupName, Map<String, String> additions, Collection<String> removals) {
        return update(groupName, d -> {
            Map<String, String> tags = new LinkedHashMap<>(d.tags());
            removals.forEach(tags::remove);
            refuseWhileAnOldTagBreaksTheRules(groupName, tags, additions);
            tags.putAll(additions);
            FeatureGroupValidator.validateTags(tags);
            return d.withTags(tags);
        });
    }

    /**
     * A tag stored before a rule refused it (an 'aws:' key, from before that check) fails every
     * later tag change that keeps it; say which tag and how to remove it, rather than report the
     * rule as if the user had just asked for the tag.
     */
    private static void refuseWhileAnOldTagBreaksTheRules(String groupName, Map<String, String> kept,
                                                          Map<String, String> additions) {
        for (Map.Entry<String, String> tag : kept.entrySet()) {
            if (additions.containsKey(tag.getKey())) {
                continue;
            }
            List<ValidationException> problems = FeatureGroupValidator.tagProblems(Map.of(tag.getKey(),
                    tag.getValue() == null ? "" : tag.getValue()));
            if (!problems.isEmpty()) {
                throw new ValidationException("Tags", "feature group '" + groupName + "' has the tag '" + tag.getKey()
                        + "', stored before it was refused (" + problems.get(0).reason() + "), and no tag change "
                        + "is accepted while it is there; remove it first, or in the same change: 'feature-workbench "
                        + "group tag " + groupName + " --remove " + tag.getKey() + "' (DeleteTags through the API)");
            }
        }
    }

    @Override
    public FeatureGroup delete(String groupName) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                FeatureGroup group = lockRow(c, groupName);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM FWB_FEATURE_GROUP WHERE NAME = ?")) {
                    ps.setString(1, groupName);
                    ps.executeUpdate();
                }
                c.commit();
                return group;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw storeError("could not delete feature group '" + groupName + "'", e);
        }
    }

    /** Read-modify-write of one definition under a row lock; the change validates itself. */
    private FeatureGroup update(String groupName, UnaryOperator<FeatureGroupDefinition> change) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                FeatureGroup current = lockRow(c, groupName);
                FeatureGroupDefinition changed = change.apply(current.definition());
                // Millisecond precision, as stored, so the returned group equals a re-read one.
                Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE FWB_FEATURE_GROUP SET DEFINITION = ?, LAST_MODIFIED_TIME_MS = ?, VERSION = "
                                + NEXT_VERSION + " WHERE NAME = ?")) {
                    ps.setString(1, DefinitionJson.write(changed));
                    ps.setLong(2, now.toEpochMilli());
                    ps.setString(3, groupName);
                    ps.executeUpdate();
                }
                c.commit();
                return new FeatureGroup(changed, current.creationTime(), now, current.status());
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw storeError("could not update feature group '" + groupName + "'", e);
        }
    }

    private static FeatureGroup lockRow(Connection c, String groupName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM FWB_FEATURE_GROUP WHERE NAME = ? FOR UPDATE")) {
            ps.setString(1, groupName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ResourceNotFoundException("feature group '" + groupName
                            + "' does not exist; 'group list' (or ListFeatureGroups through the API) shows the groups"
                            + " in this workspace");
                }
                return read(rs);
            }
        }
    }

    private List<FeatureGroup> all() {
        return Retry.onLostConnection(this::allOnce);
    }

    private List<FeatureGroup> allOnce() {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM FWB_FEATURE_GROUP")) {
            List<FeatureGroup> groups = new ArrayList<>();
            while (rs.next()) {
                groups.add(read(rs));
            }
            return groups;
        } catch (SQLException e) {
            throw storeError("could not list feature groups", e);
        }
    }

    private static FeatureGroup read(ResultSet rs) throws SQLException {
        return new FeatureGroup(DefinitionJson.read(rs.getString("DEFINITION")),
                Instant.ofEpochMilli(rs.getLong("CREATION_TIME_MS")),
                Instant.ofEpochMilli(rs.getLong("LAST_MODIFIED_TIME_MS")),
                FeatureGroupStatus.fromAwsName(rs.getString("STATUS")));
    }

    private static FeatureStoreException storeError(String what, SQLException e) {
        return new FeatureStoreException(what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        // The data source belongs to the workspace, which closes it.
    }
}
