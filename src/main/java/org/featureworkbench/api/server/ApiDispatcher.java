package org.featureworkbench.api.server;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Predicate;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.api.RequestAuthenticator;
import org.featureworkbench.model.GroupChangingException;
import org.featureworkbench.model.ReadWouldWaitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server does with each request, independent of the HTTP library: authenticate, route,
 * and turn every failure into AWS's error shape. A failure we did not foresee is logged with its
 * stack trace and answered with a message that points at the log, never with a Java class name.
 * Thread-safe.
 */
public final class ApiDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final Function<ApiRequest, ApiResponse> router;
    private final RequestAuthenticator authenticator;
    private final Path logsDirectory;
    private final Predicate<ApiRequest> answersWithoutWaiting;
    private final Function<ApiRequest, ApiResponse> routerWithoutWaiting;
    private volatile boolean closing;

    /**
     * @param router        answers a request, e.g. {@code new ApiRouter(store)::route}
     * @param authenticator checks each request before it is routed
     * @param logsDirectory named in the message of an unexpected failure
     */
    public ApiDispatcher(Function<ApiRequest, ApiResponse> router, RequestAuthenticator authenticator,
                         Path logsDirectory) {
        this(router, authenticator, logsDirectory, request -> false);
    }

    /**
     * @param answersWithoutWaiting whether routing {@code request} can never wait for another
     *                              process, a lock or a disk flush (e.g. {@link ApiRouter#answersWithoutWaiting});
     *                              such requests may be dispatched on the server's network thread
     */
    public ApiDispatcher(Function<ApiRequest, ApiResponse> router, RequestAuthenticator authenticator,
                         Path logsDirectory, Predicate<ApiRequest> answersWithoutWaiting) {
        this(router, authenticator, logsDirectory, answersWithoutWaiting, router);
    }

    /**
     * @param routerWithoutWaiting answers a request {@code answersWithoutWaiting} accepted without
     *                             ever blocking, or throws {@link ReadWouldWaitException} when
     *                             only {@code router} can (e.g. {@link ApiRouter#routeWithoutWaiting})
     */
    public ApiDispatcher(Function<ApiRequest, ApiResponse> router, RequestAuthenticator authenticator,
                         Path logsDirectory, Predicate<ApiRequest> answersWithoutWaiting,
                         Function<ApiRequest, ApiResponse> routerWithoutWaiting) {
        this.router = router;
        this.authenticator = authenticator;
        this.logsDirectory = logsDirectory;
        this.answersWithoutWaiting = answersWithoutWaiting;
        this.routerWithoutWaiting = routerWithoutWaiting;
    }

    /** Answers {@code request}; never throws. */
    public ApiResponse dispatch(ApiRequest request) {
        return answer(request, router, false);
    }

    /**
     * Answers {@code request}, or throws when it met a feature group being changed, so that the
     * caller can route it again once the change is done ({@link GroupChangeWaits}); then
     * {@link #unavailable} answers it if the caller gives up waiting. Throws nothing else.
     *
     * @throws GroupChangingException features are being added to a group the request reads or writes
     */
    public ApiResponse dispatchUnlessGroupChanging(ApiRequest request) {
        return answer(request, router, true);
    }

    /** The ServiceUnavailable answer to a request that met {@code changing} and waited long enough. */
    public ApiResponse unavailable(ApiRequest request, GroupChangingException changing) {
        return failed(request, changing);
    }

    /**
     * Answers a request {@link #answersWithoutWaiting} accepted, on a thread that must not block,
     * or returns null when it would have to wait (another process holds the group's table lock, or
     * the group is being changed): then {@link #dispatch} it on a thread that may wait. Never throws.
     */
    public ApiResponse dispatchWithoutWaiting(ApiRequest request) {
        try {
            return answer(request, routerWithoutWaiting, true);
        } catch (ReadWouldWaitException | GroupChangingException wouldWait) {
            return null;
        }
    }

    private ApiResponse answer(ApiRequest request, Function<ApiRequest, ApiResponse> route, boolean passChangesOn) {
        try {
            if (closing) {
                throw ApiErrors.serviceUnavailable("the local endpoint is shutting down; start it again with 'serve'");
            }
            authenticator.authenticate(request);
            return route.apply(request);
        } catch (ReadWouldWaitException wouldWait) {
            throw wouldWait;
        } catch (GroupChangingException changing) {
            if (passChangesOn) {
                throw changing;
            }
            return failed(request, changing);
        } catch (RuntimeException | StackOverflowError failure) {
            return failed(request, failure);
        }
    }

    private ApiResponse failed(ApiRequest request, Throwable failure) {
        boolean controlPlane = ApiRouter.isControlPlane(request);
        ApiException error = ApiErrors.classify(failure, controlPlane, "the local endpoint failed while serving "
                + request.method() + " " + request.rawPath() + "; the details are in the workspace log"
                + (logsDirectory == null ? "" : " (" + logsDirectory + ")"));
        if (error.status() >= 500 && !(failure instanceof GroupChangingException)) {
            // a group being changed is expected and says so itself; no stack trace for it
            LOG.error("{} {} failed", request.method(), request.rawPath(), failure);
        }
        return ApiErrors.render(error, controlPlane);
    }

    /**
     * Whether {@link #dispatch} of {@code request} cannot wait (see the constructor); {@code false}
     * when in doubt, including when the check itself fails. Never throws.
     */
    public boolean answersWithoutWaiting(ApiRequest request) {
        try {
            return !closing && answersWithoutWaiting.test(request);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** From now on every request is answered with ServiceUnavailable (the server is stopping). */
    void closing() {
        closing = true;
    }

    /** Whether {@link #closing} was called. */
    boolean isClosing() {
        return closing;
    }
}
