// Command meetscan crawls, analyses, indexes and reports on published
// party-building meeting reports. Run "meetscan --help" for the subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks an error caused by how the command was called; it exits 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error (exit status 2).
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// commandFactories is the registry of subcommands: each file of this package
// that defines a subcommand registers its constructor from init.
var commandFactories []func(*env) *cobra.Command

func register(f func(*env) *cobra.Command) { commandFactories = append(commandFactories, f) }

// env is what every subcommand shares: the data dir, the output streams and
// the logger. It carries no open resources; commands open what they need.
type env struct {
	dataDir string
	verbose bool
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	log     *slog.Logger
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes meetscan with args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "meetscan: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsageError(err) {
		return exitUsage
	}
	return exitFailure
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "meetscan",
		Short: "Search, compare and report on published party-building meeting reports",
		Long: `meetscan gathers published reports of party-building meetings (述职评议, 推进会,
联席会, 理论学习…), extracts who presided, when, and the requirements put forward,
and lets you search them, follow themes from year to year and find recurring
requirements.

Start with "meetscan demo", which runs the whole pipeline on an embedded sample site.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			level := slog.LevelWarn
			if e.verbose {
				level = slog.LevelDebug
			}
			e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{
				Level: level,
				// A person reads these lines next to the command's output;
				// the time adds nothing there.
				ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
					if len(groups) == 0 && a.Key == slog.TimeKey {
						return slog.Attr{}
					}
					return a
				},
			}))
			return nil
		},
	}
	defaultData := os.Getenv("MEETSCAN_DATA")
	if defaultData == "" {
		defaultData = "./meetscan-data"
	}
	root.PersistentFlags().StringVar(&e.dataDir, "data", defaultData, "data directory (env MEETSCAN_DATA)")
	root.PersistentFlags().BoolVarP(&e.verbose, "verbose", "v", false, "log debug messages to stderr")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{err} })
	for _, f := range commandFactories {
		root.AddCommand(f(e))
	}
	return root
}

// isCobraUsageError recognises cobra's own argument errors (unknown command,
// wrong number of arguments), which it returns as plain errors.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "requires at most", "requires exactly", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
