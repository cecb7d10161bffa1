package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"meetscan/crawler/extract"
)

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{tablePage, englishPage, urlDatePage, metaDatePage, listingPage, "<html>", "", "<h1>x</h1><p>发布时间：2024-01-04</p>"} {
		f.Add([]byte(s), "http://a.test/202401/t20240104_1.html", "text/html")
	}
	f.Add([]byte("\xb9\xfa\xbc\xd2"), "http://a.test/", "text/html; charset=gbk")
	f.Fuzz(func(t *testing.T, b []byte, u, ct string) {
		p := extract.Analyze(b, u, extract.Options{ContentType: ct})
		if p.IsArticle && p.Article == nil {
			t.Fatal("article page without article")
		}
		if a := p.Article; a != nil {
			if a.Title == "" || a.Body == "" {
				t.Fatalf("empty title or body: %+v", a)
			}
			for _, s := range []string{a.Title, a.Body, a.Source, a.Author} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 %q", s)
				}
			}
			if strings.Contains(a.Body, "\n\n") {
				t.Fatalf("empty paragraph in body")
			}
		}
		for _, l := range p.Links {
			if !strings.HasPrefix(l.URL, "http://") && !strings.HasPrefix(l.URL, "https://") {
				t.Fatalf("non-http link %q", l.URL)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"发布时间：2024-01-04 21:12", "2023年12月28日", "May 12, 2023", "12 May 2023, 09:30", "2024.1.4", "9999-99-99", "2024-02-29 23:59:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := extract.ParseDate(s)
		if ok != !p.IsZero() {
			t.Fatalf("ok %v but time %v", ok, p)
		}
		if ok && (p.Time.Year() < 1949 || p.Time.Year() > 2099) {
			t.Fatalf("year out of range: %v", p)
		}
		extract.DateFromURL(s)
		extract.LabelledDate(s)
	})
}
