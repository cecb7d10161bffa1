package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"meetscan/data/sample"
)

// TestDemoEndToEnd runs the whole pipeline on the embedded sample site and
// checks the summary against the sample's known facts.
func TestDemoEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end demo skipped in -short mode")
	}
	dir := t.TempDir()
	code, out, stderr := runCLI(t, dir, "demo")
	if code != exitOK {
		t.Fatalf("demo exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	facts := sample.Facts()
	want := fmt.Sprintf("%d new articles", facts.Articles)
	if !strings.Contains(out, want) {
		t.Errorf("demo output lacks %q:\n%s", want, out)
	}
	// The per-year totals of the year × type table match the sample.
	rows := regexp.MustCompile(`(?m)^  (\d{4})\s.*\s(\d+)$`).FindAllStringSubmatch(out, -1)
	if len(rows) != len(facts.Years) {
		t.Fatalf("year table has %d rows, want %d:\n%s", len(rows), len(facts.Years), out)
	}
	for _, r := range rows {
		total, _ := strconv.Atoi(r[2])
		year, _ := strconv.Atoi(r[1])
		if want := facts.ByYear[year]; total != want {
			t.Errorf("year %s: %d articles, want %d", r[1], total, want)
		}
	}
	for _, s := range []string{"Top rising themes", "Top falling themes", "Most recurrent requirements",
		`meetscan search "高质量发展"`, `meetscan search "party building brand"`} {
		if !strings.Contains(out, s) {
			t.Errorf("demo output lacks %q", s)
		}
	}
	// Both example searches find meetings in both languages' themes.
	for _, m := range regexp.MustCompile(`→ (\d+) meetings`).FindAllStringSubmatch(out, -1) {
		if n, _ := strconv.Atoi(m[1]); n == 0 {
			t.Errorf("an example search found nothing:\n%s", out)
		}
	}
	// The data dir named with --data is kept and searchable afterwards.
	code, out, stderr = runCLI(t, dir, "search", "述职评议", "--json")
	if code != exitOK || !strings.Contains(out, `"total"`) {
		t.Errorf("search after demo: exit %d, %s %s", code, out, stderr)
	}
}
