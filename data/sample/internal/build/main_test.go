package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// The committed site and facts are exactly what the generator writes now:
// a template change without `go generate ./data/sample` fails here.
func TestCommittedOutputUpToDate(t *testing.T) {
	dir := t.TempDir()
	site, facts := filepath.Join(dir, "site"), filepath.Join(dir, "facts.json")
	if err := run(site, facts); err != nil {
		t.Fatal(err)
	}
	compare := func(got, want string) {
		g, err := os.ReadFile(got)
		if err != nil {
			t.Fatal(err)
		}
		w, err := os.ReadFile(want)
		if err != nil {
			t.Fatalf("%v (run go generate ./data/sample)", err)
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s is stale: run go generate ./data/sample", want)
		}
	}
	compare(facts, "../../facts.json")
	committed := "../../../assets/sample"
	n := 0
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		compare(p, filepath.Join(committed, rel))
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m := 0
	filepath.WalkDir(committed, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			m++
		}
		return err
	})
	if n != m {
		t.Errorf("generator writes %d files, %d committed", n, m)
	}
}

func TestHasShape(t *testing.T) {
	years := []int{2019, 2020, 2021, 2022, 2023, 2024}
	total := map[int]int{2019: 10, 2020: 10, 2021: 10, 2022: 10, 2023: 10, 2024: 10}
	tests := []struct {
		shape string
		docs  map[int]int
		want  bool
	}{
		{"rising", map[int]int{2019: 1, 2024: 5}, true},
		{"rising", map[int]int{2019: 3, 2024: 5}, false},
		{"gone", map[int]int{2019: 5, 2020: 2}, true},
		{"gone", map[int]int{2019: 5, 2024: 1}, false},
		{"new", map[int]int{2022: 2, 2024: 4}, true},
		{"new", map[int]int{2020: 1, 2024: 4}, false},
		{"peaked", map[int]int{2019: 1, 2021: 6, 2024: 1}, true},
		{"peaked", map[int]int{2019: 4, 2021: 6, 2024: 1}, false},
		{"campaign", map[int]int{2019: 6, 2020: 1, 2021: 7, 2022: 1, 2023: 7, 2024: 2}, true},
		{"campaign", map[int]int{2019: 6, 2020: 1, 2021: 7, 2022: 5, 2023: 7, 2024: 5}, false},
		{"steady", map[int]int{2019: 3, 2020: 4, 2021: 3, 2022: 2, 2023: 4, 2024: 3}, true},
		{"steady", map[int]int{2019: 1, 2020: 4, 2021: 3, 2022: 2, 2023: 4, 2024: 3}, false},
		{"wobbly", map[int]int{}, false},
	}
	for _, tt := range tests {
		if _, got := hasShape(tt.shape, tt.docs, total, years); got != tt.want {
			t.Errorf("hasShape(%s, %v) = %v", tt.shape, tt.docs, got)
		}
	}
}
