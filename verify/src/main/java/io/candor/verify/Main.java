package io.candor.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code java -jar candor-verify.jar BUNDLE.zip [--key VKEY]} and
 * {@code java -jar candor-verify.jar consistency OLD-CHECKPOINT NEW-CHECKPOINT PROOF --key VKEY}. Exit 0: everything
 * verifies; 1: something does not (the report names the file and entry); 2: wrong usage or unreadable input.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    public static int run(List<String> argList, PrintStream out) {
        List<String> args = new ArrayList<>(argList);
        String keyArg = null;
        int k = args.indexOf("--key");
        if (k >= 0) {
            if (k + 1 >= args.size()) {
                return usage(out, "--key needs a verifier key or a file holding one");
            }
            keyArg = args.get(k + 1);
            args.subList(k, k + 2).clear();
        }
        try {
            NoteKey.Verifier key = keyArg == null ? null : NoteKey.verifier(readKey(keyArg));
            if (!args.isEmpty() && args.get(0).equals("consistency")) {
                if (args.size() != 4 || key == null) {
                    return usage(out, "consistency needs OLD-CHECKPOINT NEW-CHECKPOINT PROOF and --key");
                }
                Checkpoint older = Checkpoint.open(read(args.get(1)), key);
                Checkpoint newer = Checkpoint.open(read(args.get(2)), key);
                if (!older.origin().equals(newer.origin())) {
                    out.println("FAILED: the checkpoints are of different logs: " + older.origin() + ", " + newer.origin());
                    return 1;
                }
                List<byte[]> proof = read(args.get(3)).lines().filter(l -> !l.isBlank())
                        .map(l -> Base64.getDecoder().decode(l.strip())).toList();
                Merkle.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(), proof);
                out.println("VERIFIED: the tree of size " + newer.size() + " extends the tree of size " + older.size()
                        + " of " + older.origin() + " (nothing was removed or changed)");
                return 0;
            }
            if (args.size() != 1) {
                return usage(out, "give one bundle");
            }
            Bundle.Report report = Bundle.verify(Path.of(args.get(0)), key);
            report.lines().forEach(l -> out.println("  ok   " + l));
            report.failures().forEach(l -> out.println("  FAIL " + l));
            out.println(report.verified() ? "VERIFIED: every entry, content hash, inclusion proof and signature checks out"
                    : "FAILED: " + report.failures().size() + " problem(s); see the FAIL lines above");
            return report.verified() ? 0 : 1;
        } catch (VerificationException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println("candor-verify: " + e.getMessage());
            return 2;
        }
    }

    private static String readKey(String arg) throws IOException {
        Path p = Path.of(arg);
        return arg.contains("+") && !Files.exists(p) ? arg : Files.readString(p, StandardCharsets.UTF_8).strip();
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static int usage(PrintStream out, String problem) {
        out.println("candor-verify: " + problem);
        out.println("usage: java -jar candor-verify.jar BUNDLE.zip [--key VERIFIER-KEY|FILE]");
        out.println("       java -jar candor-verify.jar consistency OLD-CHECKPOINT NEW-CHECKPOINT PROOF --key VERIFIER-KEY|FILE");
        return 2;
    }
}
