package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"meetscan/data"
	"testing"
)

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	truth, err := WriteJSONL(&buf, Default(300, 2))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var r data.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if r.URL == "" || r.Title == "" || r.Body == "" || r.Published.IsZero() || r.Lang == "" {
			t.Fatalf("line %d: incomplete record %+v", n+1, r)
		}
		var raw map[string]any
		json.Unmarshal(sc.Bytes(), &raw)
		for _, k := range []string{"url", "title", "published", "body"} {
			if _, ok := raw[k]; !ok {
				t.Fatalf("line %d: no %q", n+1, k)
			}
		}
		n++
	}
	if n != 300 || truth.Docs != 300 {
		t.Fatalf("%d lines, truth %d", n, truth.Docs)
	}
}

func TestParseYears(t *testing.T) {
	tests := []struct {
		in       string
		from, to int
		ok       bool
	}{
		{"2019-2024", 2019, 2024, true},
		{" 2023 ", 2023, 2023, true},
		{"2024-2019", 0, 0, false},
		{"19-24", 0, 0, false},
		{"", 0, 0, false},
		{"2019-", 0, 0, false},
	}
	for _, tt := range tests {
		from, to, err := ParseYears(tt.in)
		if (err == nil) != tt.ok || from != tt.from || to != tt.to {
			t.Errorf("ParseYears(%q) = %d, %d, %v", tt.in, from, to, err)
		}
	}
}

func FuzzParseYears(f *testing.F) {
	for _, s := range []string{"2019-2024", "2023", "-", "9999-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		from, to, err := ParseYears(s)
		if err == nil && (from > to || from < 1900) {
			t.Fatalf("ParseYears(%q) = %d, %d", s, from, to)
		}
	})
}
