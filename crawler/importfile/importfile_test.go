package importfile_test

import (
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"meetscan/crawler/fixture"
	"meetscan/crawler/importfile"
	"meetscan/data"
)

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	site := fixture.New(fixture.Options{})
	want := site.ZHArticle(2) // served as GBK with a meta charset
	rec := httptest.NewRecorder()
	site.ServeHTTP(rec, httptest.NewRequest("GET", want.Path, nil))
	write(t, dir, "a/report.html", rec.Body.Bytes())
	write(t, dir, "b/note.txt", []byte("\n市委组织部召开支部联席会议\r\n发布时间：2024-03-05\r\n会议研究了下一阶段工作。\n会议要求各支部抓好落实。\n"))
	write(t, dir, "c/batch.jsonl", []byte(`{"url":"https://example.org/1","title":"Meeting one","published":"2024-01-04 21:12","body":"First paragraph.\nSecond paragraph.","source":"Org Dept","author":"Li"}
not json
{"url":"https://example.org/2","title":"会议二","published":null,"body":"正文。"}
{"url":"https://example.org/3","title":"","body":"no title"}
`))
	write(t, dir, "d/empty.txt", nil)
	write(t, dir, "e/ignored.pdf", []byte("%PDF"))

	arts, errs := importfile.Read(dir, importfile.Options{})
	if len(arts) != 4 {
		t.Fatalf("%d articles, want 4: %v", len(arts), errs)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, w := range []string{"batch.jsonl:2: bad JSON", "batch.jsonl:4: title and body are required", "empty.txt: empty file"} {
		if !strings.Contains(got, w) {
			t.Errorf("errors %q lack %q", got, w)
		}
	}
	if len(errs) != 3 {
		t.Errorf("%d errors, want 3: %s", len(errs), got)
	}
	html := arts[0]
	if html.Title != want.Title || html.Published.String() != want.Published || html.Body != strings.Join(want.Paras, "\n") {
		t.Errorf("html import: %+v", html)
	}
	if html.URL != "" || !strings.HasPrefix(html.ID, "h") {
		t.Errorf("html without --url: url %q id %q", html.URL, html.ID)
	}
	txt := arts[1]
	if txt.Title != "市委组织部召开支部联席会议" || txt.Published.String() != "2024-03-05" || txt.Lang != "zh" ||
		txt.Body != "会议研究了下一阶段工作。\n会议要求各支部抓好落实。" {
		t.Errorf("txt import: %+v", txt)
	}
	j := arts[2]
	if j.Title != "Meeting one" || j.Published.String() != "2024-01-04 21:12" || j.Source != "Org Dept" || j.Author != "Li" || j.Lang != "en" || j.ID == "" {
		t.Errorf("jsonl import: %+v", j)
	}
	if arts[3].Published.IsZero() == false || arts[3].Lang != "zh" {
		t.Errorf("jsonl null date: %+v", arts[3])
	}

	// Storing twice: the store de-duplicates.
	store, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for round, wantSt := range []data.PutStatus{data.Added, data.Unchanged} {
		again, _ := importfile.Read(dir, importfile.Options{})
		st, err := store.PutArticles(again)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range st {
			if s != wantSt {
				t.Errorf("round %d article %d: %v, want %v", round, i, s, wantSt)
			}
		}
	}
}

func TestReadSingleFileOptions(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "x.txt", []byte("Title line\nBody line one.\n"))
	pub, _ := data.ParsePubTime("2023-12-28")
	arts, errs := importfile.Read(p, importfile.Options{URL: "https://example.org/x", Published: pub})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatal(errs)
	}
	if arts[0].URL != "https://example.org/x" || arts[0].Published.String() != "2023-12-28" {
		t.Errorf("%+v", arts[0])
	}
	_, errs = importfile.Read(dir, importfile.Options{URL: "https://example.org/x"})
	if len(errs) != 1 {
		t.Errorf("--url with a folder: %v", errs)
	}
	_, errs = importfile.Read(filepath.Join(dir, "missing.txt"), importfile.Options{})
	if len(errs) != 1 || !errors.Is(errs[0], os.ErrNotExist) {
		t.Errorf("missing file: %v", errs)
	}
	_, errs = importfile.Read(write(t, dir, "y.pdf", []byte("x")), importfile.Options{})
	if len(errs) != 1 || !errors.Is(errs[0], importfile.ErrUnsupported) {
		t.Errorf("pdf: %v", errs)
	}
}

func FuzzParseRecord(f *testing.F) {
	f.Add([]byte(`{"url":"https://example.org/1","title":"t","published":"2024-01-04","body":"b"}`))
	f.Add([]byte(`{"title":"会议","body":"正文","published":null}`))
	f.Add([]byte(`{"title":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := importfile.ParseRecord(b)
		if err == nil && (a.Title == "" || a.ID == "" || a.ContentHash == "") {
			t.Fatalf("accepted record without title/id: %+v", a)
		}
	})
}

func FuzzFromText(f *testing.F) {
	f.Add([]byte("标题\n发布时间：2024-01-04\n正文"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := importfile.FromText(b)
		if err == nil && (a.Title == "" || a.Body == "") {
			t.Fatalf("empty title/body accepted")
		}
	})
}

func TestReadRejectsBinaryFiles(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"image.html": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"blob.txt":   "\x00\x01\x02binary",
		"ok.txt":     "会议标题\n会议正文，内容充实。",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, errs := importfile.Read(dir, importfile.Options{})
	if len(arts) != 1 || arts[0].Title != "会议标题" {
		t.Errorf("imported %d articles (%v), want only ok.txt", len(arts), arts)
	}
	if len(errs) != 2 {
		t.Fatalf("errors = %v, want 2", errs)
	}
	for _, err := range errs {
		if !errors.Is(err, importfile.ErrBinary) {
			t.Errorf("error %v does not wrap importfile.ErrBinary", err)
		}
	}
}
