package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"meetscan/data"
)

// WriteJSONL generates cfg's corpus as JSONL in the import format, one
// article a line, buffered; it is what `meetscan gen --out FILE` writes.
func WriteJSONL(w io.Writer, cfg Config) (Truth, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	truth, err := Generate(cfg, func(a *data.Article) error {
		return enc.Encode(data.Record{URL: a.URL, Title: a.Title, Published: a.Published, Body: a.Body,
			Source: a.Source, Author: a.Author, Lang: a.Lang})
	})
	if err != nil {
		return truth, err
	}
	if err := bw.Flush(); err != nil {
		return truth, fmt.Errorf("gen: write: %w", err)
	}
	return truth, nil
}

// ParseYears parses a year range "2019-2024" or a single year "2023".
func ParseYears(s string) (from, to int, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		b = a
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || from < 1900 || to > 9999 || to < from {
		return 0, 0, fmt.Errorf("years %q: want YYYY or YYYY-YYYY", s)
	}
	return from, to, nil
}
