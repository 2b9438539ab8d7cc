package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Asks every other living process on the workspace to publish its pending journal rows, and
 * waits until each has (ADR 0017). A workspace-wide operation on a group (compaction, deletion)
 * must act on every acknowledged row, but each process holds its own unpublished rows in its own
 * journal, which only that process may publish.
 *
 * <p>The exchange is files in {@code <workspace>/locks/settle/}: the requester writes
 * {@code <request>.request} (first line: what it is for, second: its journal id); every living
 * process polls the folder ({@link WritePath}'s request poller, every {@value #POLL_MS} ms),
 * publishes everything it has pending and answers with an empty {@code <request>.<journal>.ack}.
 * A process that ends meanwhile needs no answer: its journal is then settled as a dead one. The
 * requester removes its files when done; a request whose requester died is removed by whoever
 * finds it. Thread-safe (no state).
 */
final class SettleRequests {
    static final long POLL_MS = 200;
    private static final String FOLDER = "settle";
    private static final String REQUEST = ".request";
    private static final String ACK = ".ack";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SettleRequests() {
    }

    /** An open request another process made. */
    record Request(Path file, String id, String requesterJournal) {
    }

    /**
     * Asks the other living processes to publish, and returns once each has answered or ended.
     *
     * @param purpose  what the rows are needed for, in messages ("compact customers")
     * @param waiting  told, once, when the answers take longer than a moment, whom it waits for
     * @throws FeatureStoreException when a process did not answer within {@code timeout}
     */
    static void requestAndWait(Path workspace, String selfJournal, String purpose, Duration timeout,
                               Consumer<String> waiting) {
        try {
            List<String> live = RecordJournal.liveIds(workspace, selfJournal);
            if (live.isEmpty()) {
                return;
            }
            Path folder = folder(workspace);
            Files.createDirectories(folder);
            String id = randomId();
            Path request = folder.resolve(id + REQUEST);
            Path temporary = folder.resolve("." + id + ".tmp");
            Files.writeString(temporary, purpose + "\n" + selfJournal + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, request, StandardCopyOption.ATOMIC_MOVE);
            try {
                await(workspace, folder, id, live, purpose, timeout, waiting);
            } finally {
                removeRequest(folder, id);
            }
        } catch (IOException e) {
            throw new FeatureStoreException("could not ask the other processes on the workspace to publish their"
                    + " pending rows before " + purpose + ": " + e.getMessage() + " (check the permissions of "
                    + folder(workspace) + ")", e);
        }
    }

    private static void await(Path workspace, Path folder, String id, List<String> live, String purpose,
                              Duration timeout, Consumer<String> waiting) throws IOException {
        long started = System.nanoTime();
        long tellAfter = Duration.ofMillis(3 * POLL_MS).toNanos();
        boolean told = false;
        List<String> pending = new ArrayList<>(live);
        while (true) {
            List<String> still = new ArrayList<>();
            for (String journal : pending) {
                if (!Files.exists(folder.resolve(id + "." + journal + ACK)) && RecordJournal.alive(workspace, journal)) {
                    still.add(journal);
                }
            }
            pending = still;
            if (pending.isEmpty()) {
                return;
            }
            long elapsed = System.nanoTime() - started;
            if (elapsed > timeout.toNanos()) {
                throw new FeatureStoreException(owners(workspace, pending) + " did not publish its pending rows within "
                        + timeout.toSeconds() + " s, so " + purpose + " was not done (nothing changed); try again,"
                        + " or close that process first");
            }
            if (!told && elapsed > tellAfter) {
                waiting.accept("waiting for " + owners(workspace, pending) + " to publish its pending rows before "
                        + purpose);
                told = true;
            }
            sleep(Math.min(50, POLL_MS / 4));
        }
    }

    /** Requests of other processes this journal has not answered yet; removes those whose requester died. */
    static List<Request> unanswered(Path workspace, String selfJournal) throws IOException {
        Path folder = folder(workspace);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Request> open = new ArrayList<>();
        List<Path> requests;
        try (Stream<Path> files = Files.list(folder)) {
            requests = files.filter(p -> p.getFileName().toString().endsWith(REQUEST)).toList();
        }
        for (Path file : requests) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - REQUEST.length());
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException answeredAndGone) {
                continue;
            }
            String requester = lines.size() > 1 ? lines.get(1) : "";
            if (requester.equals(selfJournal) || Files.exists(folder.resolve(id + "." + selfJournal + ACK))) {
                continue;
            }
            if (!RecordJournal.alive(workspace, requester)) {
                removeRequest(folder, id);
                continue;
            }
            open.add(new Request(file, id, requester));
        }
        return open;
    }

    /** Answers a request: this journal's rows pending when it was seen are published. */
    static void answer(Path workspace, Request request, String selfJournal) throws IOException {
        try {
            Files.createFile(folder(workspace).resolve(request.id() + "." + selfJournal + ACK));
        } catch (FileAlreadyExistsException | NoSuchFileException alreadyOrGone) {
            // answered before, or the folder was removed: nothing to say
        }
    }

    private static void removeRequest(Path folder, String id) throws IOException {
        Files.deleteIfExists(folder.resolve(id + REQUEST));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path ack : files.filter(p -> p.getFileName().toString().startsWith(id + ".")).toList()) {
                Files.deleteIfExists(ack);
            }
        }
    }

    private static String owners(Path workspace, List<String> journals) {
        return journals.stream().map(j -> RecordJournal.owner(workspace, j)).collect(Collectors.joining(", "));
    }

    private static Path folder(Path workspace) {
        return workspace.resolve(WorkspaceLock.FOLDER).resolve(FOLDER);
    }

    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeatureStoreException("interrupted while waiting for the other processes on the workspace", e);
        }
    }
}
