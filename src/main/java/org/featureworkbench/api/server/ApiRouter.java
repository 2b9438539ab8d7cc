package org.featureworkbench.api.server;

import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.GroupNames;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.api.control.ControlPlaneApi;
import org.featureworkbench.api.runtime.BatchGetRecordHandler;
import org.featureworkbench.api.runtime.BatchWriteRecordHandler;
import org.featureworkbench.api.runtime.DeleteRecordHandler;
import org.featureworkbench.api.runtime.GetRecordHandler;
import org.featureworkbench.api.runtime.ListRecordsHandler;
import org.featureworkbench.api.runtime.PutRecordHandler;
import org.featureworkbench.api.runtime.RuntimeHandler;
import java.util.function.Consumer;
import org.featureworkbench.core.FeatureStore;

/**
 * Maps a request to its operation, as AWS's service models define them: the Feature Store Runtime
 * (REST-JSON, sagemaker-featurestore-runtime 2020-07-01: method and path) and the SageMaker control
 * plane (AWS JSON 1.1: {@code POST /} with {@code X-Amz-Target: SageMaker.<Operation>}).
 * Stateless after construction; called from many server threads at once.
 */
public final class ApiRouter {
    static final String FEATURE_GROUP = "/FeatureGroup/";
    static final String LIST_RECORDS = "/ListRecords";
    private static final String TARGET_PREFIX = "SageMaker.";

    private final FeatureStore store;
    private final ControlPlaneApi controlPlane;
    private final RuntimeHandler putRecord;
    private final RuntimeHandler getRecord;
    private final RuntimeHandler getRecordWithoutWaiting;
    private final RuntimeHandler deleteRecord;
    private final RuntimeHandler batchGetRecord;
    private final RuntimeHandler batchWriteRecord;
    private final RuntimeHandler listRecords;

    /** A router whose notices (see {@link ControlPlaneApi}) nobody hears. */
    public ApiRouter(FeatureStore store) {
        this(store, notice -> { });
    }

    /** @param notices told, on the serving thread, what a request did not do that it asked for */
    public ApiRouter(FeatureStore store, Consumer<String> notices) {
        this.store = store;
        this.controlPlane = new ControlPlaneApi(store, notices);
        this.putRecord = new PutRecordHandler(store);
        this.getRecord = new GetRecordHandler(store, false);
        this.getRecordWithoutWaiting = new GetRecordHandler(store, true);
        this.deleteRecord = new DeleteRecordHandler(store);
        this.batchGetRecord = new BatchGetRecordHandler(store);
        this.batchWriteRecord = new BatchWriteRecordHandler(store);
        this.listRecords = new ListRecordsHandler(store);
    }

    /** Whether {@code request} is a control-plane call (its errors use the JSON 1.1 content type). */
    public static boolean isControlPlane(ApiRequest request) {
        return request.rawPath().equals("/") && request.header("x-amz-target").isPresent();
    }

    /**
     * Whether {@code request} is a GetRecord that can be answered without waiting for anything:
     * the store reads its own database file and has the group's definition cached
     * ({@link org.featureworkbench.core.RecordOperations#readsWithoutWaiting}). Only GetRecord:
     * every write may wait for its group commit, and the other reads for the catalog. Any doubt
     * (a malformed name, a failure while checking) is a {@code false}.
     */
    public boolean answersWithoutWaiting(ApiRequest request) {
        String path = request.rawPath();
        if (!request.method().equals("GET") || !path.startsWith(FEATURE_GROUP)
                || path.length() == FEATURE_GROUP.length() || path.endsWith(LIST_RECORDS)) {
            return false;
        }
        try {
            return store.records().readsWithoutWaiting(group(path.substring(FEATURE_GROUP.length())));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Answers a GetRecord {@link #answersWithoutWaiting} accepted, never blocking: the name in the
     * path is the one cached, and the read declines to wait for a lock (ADR 0021 addendum 3).
     *
     * @throws org.featureworkbench.model.ReadWouldWaitException when only {@link #route} can answer
     */
    public ApiResponse routeWithoutWaiting(ApiRequest request) {
        return getRecordWithoutWaiting.handle(request, group(request.rawPath().substring(FEATURE_GROUP.length())));
    }

    /**
     * Answers {@code request} with its operation.
     *
     * @throws ApiException for an unknown path, method or operation, and whatever the operation throws
     */
    public ApiResponse route(ApiRequest request) {
        String path = request.rawPath();
        String method = request.method();
        if (path.equals("/")) {
            return controlPlane(request);
        }
        if (path.equals("/BatchGetRecord")) {
            return only("POST", method, path, () -> batchGetRecord.handle(request, null));
        }
        if (path.equals("/BatchWriteRecord")) {
            return only("POST", method, path, () -> batchWriteRecord.handle(request, null));
        }
        if (path.startsWith(FEATURE_GROUP) && path.length() > FEATURE_GROUP.length()) {
            String rest = path.substring(FEATURE_GROUP.length());
            if (rest.endsWith(LIST_RECORDS) && rest.length() > LIST_RECORDS.length()) {
                String group = group(rest.substring(0, rest.length() - LIST_RECORDS.length()));
                return only("POST", method, path, () -> listRecords.handle(request, stored(group)));
            }
            String group = group(rest);
            return switch (method) {
                case "PUT" -> putRecord.handle(request, stored(group));
                case "GET" -> getRecord.handle(request, stored(group));
                case "DELETE" -> deleteRecord.handle(request, stored(group));
                default -> throw methodNotAllowed(method, path, "PUT (PutRecord), GET (GetRecord) or DELETE (DeleteRecord)");
            };
        }
        throw new ApiException(404, "UnknownOperationException", "no operation is served at " + method + " " + path
                + "; this endpoint serves the SageMaker Feature Store Runtime (/FeatureGroup/{name}, /BatchGetRecord,"
                + " /BatchWriteRecord) and the SageMaker control plane (POST / with X-Amz-Target: SageMaker.<Operation>)");
    }

    private ApiResponse controlPlane(ApiRequest request) {
        String target = request.header("x-amz-target").orElse("");
        if (!request.method().equals("POST") || !target.startsWith(TARGET_PREFIX)
                || target.length() == TARGET_PREFIX.length()) {
            throw new ApiException(400, "UnknownOperationException", "a control-plane call is POST / with the header"
                    + " X-Amz-Target: SageMaker.<Operation>"
                    + (target.isEmpty() ? "; the request has no X-Amz-Target" : "; the request has " + request.method()
                    + " with X-Amz-Target '" + target + "'"));
        }
        return controlPlane.handle(target.substring(TARGET_PREFIX.length()), request);
    }

    /** The group's name as the store has it, by the endpoint's one rule ({@link GroupNames}). */
    private String stored(String name) {
        return GroupNames.storedName(store, name, "FeatureGroupName");
    }

    /** The path segment decoded ({@code %2F} in an ARN included), an ARN reduced to the name in it. */
    private static String group(String rawSegment) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(rawSegment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "ValidationError", "the feature group name in the path has a malformed"
                    + " percent escape: '" + rawSegment + "'");
        }
        return GroupNames.nameIn(decoded, "FeatureGroupName");
    }

    private static ApiResponse only(String allowed, String method, String path, java.util.function.Supplier<ApiResponse> op) {
        if (!allowed.equals(method)) {
            throw methodNotAllowed(method, path, allowed);
        }
        return op.get();
    }

    private static ApiException methodNotAllowed(String method, String path, String allowed) {
        return new ApiException(405, "UnknownOperationException", method + " is not served at " + path + "; use "
                + allowed);
    }
}
