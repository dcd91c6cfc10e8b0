// Command klaim tracks news claims and the denials, admissions and apologies
// that answer them, in Indonesian and English.
//
// Usage:
//
//	klaim COMMAND [flags] [args]
//
// Run `klaim help` for the list of commands, `klaim COMMAND -h` for one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// command is one subcommand: its flags are registered on fs by setup, and run
// does the work with the positional arguments.
type command struct {
	name    string
	summary string
	usage   string // after "klaim NAME "
	setup   func(fs *flag.FlagSet, g *globals) func(ctx context.Context, args []string) error
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// globals are the flags every command takes.
type globals struct {
	dataDir  string
	graphURL string
	stdout   io.Writer
	stderr   io.Writer
}

// usageError is a mistake in how a command was called; main prints the
// command's usage after it.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one klaim command line and returns the exit status. Errors
// come out as one line on stderr; a panic is turned into one too, because a
// Go trace is of no use to the journalist who ran the command.
func run(argv []string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			if os.Getenv("KLAIM_DEBUG") != "" {
				panic(r) // with the trace, for a bug report
			}
			fmt.Fprintf(stderr, "klaim: internal error: %v (please report it; KLAIM_DEBUG=1 shows where)\n", r)
			status = 3
		}
	}()
	if len(argv) == 0 || argv[0] == "help" || argv[0] == "-h" || argv[0] == "--help" {
		printHelp(stdout)
		return 0
	}
	cmd, ok := commands[argv[0]]
	if !ok {
		fmt.Fprintf(stderr, "klaim: unknown command %q (run 'klaim help' for the list)\n", argv[0])
		return 2
	}
	g := &globals{stdout: stdout, stderr: stderr}
	fs := newFlagSet(cmd.name, g)
	runFn := cmd.setup(fs, g)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: klaim %s %s\n\n%s\n\nflags:\n", cmd.name, cmd.usage, cmd.summary)
		fs.PrintDefaults()
	}
	args, err := parseInterspersed(fs, argv[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		// the flag package has printed the problem and the usage
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := runFn(ctx, args); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "klaim %s: %s\n", cmd.name, ue.msg)
			fmt.Fprintf(stderr, "usage: klaim %s %s\n", cmd.name, cmd.usage)
			return 2
		}
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "klaim %s: interrupted\n", cmd.name)
			return 130
		}
		fmt.Fprintf(stderr, "klaim %s: %s\n", cmd.name, oneLine(err.Error()))
		return 1
	}
	return 0
}

// newFlagSet returns the flag set of a command with the global flags on it.
func newFlagSet(name string, g *globals) *flag.FlagSet {
	fs := flag.NewFlagSet("klaim "+name, flag.ContinueOnError)
	fs.SetOutput(g.stderr)
	defData := os.Getenv("KLAIM_DATA")
	if defData == "" {
		defData = "./klaim-data"
	}
	fs.StringVar(&g.dataDir, "data", defData, "`DIR` of the knowledge base (graph and index); $KLAIM_DATA")
	fs.StringVar(&g.graphURL, "graph", os.Getenv("KLAIM_GRAPH"), "graph backend `URL` instead of bolt under --data, e.g. postgres://klaim@127.0.0.1:5432/klaim?sslmode=disable")
	return fs
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments, so `klaim ingest PATH --data D` works as well as
// `klaim ingest --data D PATH`. A lone "--" ends flag parsing.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// oneLine folds a multi-line error message onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "klaim: who claimed what, who denied it, who admitted what, when and where.")
	fmt.Fprintln(w, "\nusage: klaim COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --data DIR (default ./klaim-data or $KLAIM_DATA) and --graph URL.")
	fmt.Fprintln(w, "Run 'klaim COMMAND -h' for the flags of one command.")
}
