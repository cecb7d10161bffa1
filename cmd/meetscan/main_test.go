package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runCLI runs meetscan in-process with a fresh data dir unless args name one.
func runCLI(t *testing.T, dataDir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--data", dataDir}, args...)
	code = run(context.Background(), full, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"unknown flag", []string{"export", "--bogus"}, "unknown flag"},
		{"bad export format", []string{"export", "--format", "xml"}, "--format must be jsonl or csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, dir, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %q", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("stderr = %q, want one line containing %q", stderr, tt.want)
			}
		})
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	root := newRootCmd(&env{})
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			code, stdout, stderr := runCLI(t, t.TempDir(), c.Name(), "--help")
			if code != exitOK || !strings.Contains(stdout, "Usage:") {
				t.Errorf("%s --help: exit %d, stdout %q, stderr %q", c.Name(), code, stdout, stderr)
			}
		})
	}
}

func TestExportEmptyStore(t *testing.T) {
	code, stdout, stderr := runCLI(t, t.TempDir(), "export", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := strings.TrimSpace(stdout); got != strings.Join(csvHeader, ",") {
		t.Errorf("csv of empty store = %q", got)
	}
}
