package org.larco.abci.bench;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.larco.abci.LarcoApplication;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.abci.RequestCheckTx;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Propose;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Tx;
import org.larco.protocol.tx.Vote;

/**
 * Measures CheckTx and FinalizeBlock throughput for signed Vote txs, with Ed25519 verification.
 *
 * <p>A genesis of {@code voters + 1} members, one proposal, then one block with a vote from every
 * other member. Run with {@code abci-app/bench.sh [voters] [repeats]}; not a test.
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int voters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<NodeKey> keys = new ArrayList<>();
        for (int i = 0; i <= voters; i++) {
            keys.add(TestKeys.key(i));
        }
        String genesis = new GenesisBuilder().members(keys).experiment("bench", 1, 2, 1000, 1000, 0).json();
        List<ByteString> votes = signVotes(keys);
        System.out.printf("voters=%d repeats=%d cores=%d commonPoolParallelism=%d%n", voters, repeats,
                Runtime.getRuntime().availableProcessors(), java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());

        for (int r = 0; r < repeats; r++) {
            runOnce(r, genesis, keys, votes);
        }
    }

    /**
     * Prints, for one repeat, wall time and CPU time of each phase. CPU time makes the per-core
     * rate comparable on a machine shared with other work: the single-threaded phases use the
     * thread's CPU time, FinalizeBlock (which verifies in parallel) the whole process's.
     */
    private static void runOnce(int repeat, String genesis, List<NodeKey> keys, List<ByteString> votes) throws IOException {
        Timing verify = Timing.threadCpu(() -> verifyAll(votes));
        LedgerDriver cold = proposed(Files.createTempDirectory("larco-bench"), genesis, keys);
        Timing coldFinalize = Timing.processCpu(() -> finalizeAll(cold, votes));

        LedgerDriver warm = proposed(Files.createTempDirectory("larco-bench"), genesis, keys);
        Timing checkTx = Timing.threadCpu(() -> checkAll((LarcoApplication) warm.app(), votes));
        Timing warmFinalize = Timing.processCpu(() -> finalizeAll(warm, votes));

        int n = votes.size();
        System.out.printf("run %d: Ed25519 verify %s | CheckTx %s | FinalizeBlock of %d votes, signatures not cached: %s"
                        + " | FinalizeBlock after CheckTx: %s%n",
                repeat, verify.describe(n), checkTx.describe(n), n, coldFinalize.describe(n), warmFinalize.describe(n));
    }

    /** Wall and CPU nanoseconds of one timed phase. */
    private record Timing(long wallNs, long cpuNs) {

        static Timing threadCpu(Runnable phase) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            phase.run();
            return new Timing(System.nanoTime() - wallStart, threads.getCurrentThreadCpuTime() - cpuStart);
        }

        static Timing processCpu(Runnable phase) {
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            phase.run();
            return new Timing(System.nanoTime() - wallStart, os.getProcessCpuTime() - cpuStart);
        }

        String describe(int count) {
            return String.format("%.1f ms wall, %.1f ms CPU, %.0f votes per CPU-second",
                    wallNs / 1e6, cpuNs / 1e6, perSecond(count, cpuNs));
        }
    }

    private static List<ByteString> signVotes(List<NodeKey> keys) {
        List<ByteString> votes = new ArrayList<>();
        for (NodeKey voter : keys.subList(1, keys.size())) {
            Tx tx = Transactions.sign(voter, Transactions.vote(LedgerDriver.CHAIN_ID, 0, Vote.newBuilder()
                    .setExperiment(1).setRound(1).setProposal(Hashes.bytes("bench-weights"))
                    .setApprove(true).setVoteScorePpm(750_000).build()));
            votes.add(ByteString.copyFrom(Transactions.encode(tx)));
        }
        return votes;
    }

    /** Opens a ledger at genesis and records member 0's proposal for round 1. */
    private static LedgerDriver proposed(Path home, String genesis, List<NodeKey> keys) {
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home), genesis);
        Tx propose = Transactions.sign(keys.get(0), Transactions.propose(LedgerDriver.CHAIN_ID, 0, Propose.newBuilder()
                .setExperiment(1).setRound(1).setParent(Hashes.bytes("init:bench"))
                .setWeightsHash(Hashes.bytes("bench-weights")).setSizeBytes(1).build()));
        int code = chain.deliver(propose).getCode();
        if (code != 0) {
            throw new IllegalStateException("benchmark proposal rejected with code " + code);
        }
        return chain;
    }

    private static void verifyAll(List<ByteString> votes) {
        for (ByteString vote : votes) {
            if (!Transactions.verifySignature(Transactions.decode(vote.toByteArray()))) {
                throw new IllegalStateException("benchmark vote failed to verify");
            }
        }
    }

    private static void checkAll(LarcoApplication app, List<ByteString> votes) {
        for (ByteString vote : votes) {
            int code = app.checkTx(RequestCheckTx.newBuilder().setTx(vote).build()).getCode();
            if (code != 0) {
                throw new IllegalStateException("benchmark CheckTx rejected a vote with code " + code);
            }
        }
    }

    /** Finalizes one block of all votes; Commit, which only writes the file, is not timed or run. */
    private static void finalizeAll(LedgerDriver chain, List<ByteString> votes) {
        RequestFinalizeBlock block = RequestFinalizeBlock.newBuilder()
                .setHeight(chain.height() + 1).addAllTxs(votes).build();
        ResponseFinalizeBlock response = chain.app().finalizeBlock(block);
        long accepted = response.getTxResultsList().stream().filter(result -> result.getCode() == 0).count();
        if (accepted != votes.size()) {
            throw new IllegalStateException("benchmark block accepted " + accepted + " of " + votes.size() + " votes");
        }
    }

    private static double perSecond(int count, long nanos) {
        return count / (nanos / 1e9);
    }
}
