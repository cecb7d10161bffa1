package crawler

import (
	"fmt"

	"meetscan/crawler/extract"
	"meetscan/data"
	"meetscan/data/warc"
)

// Reextract runs the extraction again on the archived response of a stored
// article, offline: after an extractor improvement, or with a site profile
// written later. The result keeps the article's URL, fetch time and
// capture; profile may be nil.
func Reextract(dataDir string, a *data.Article, profile *SiteProfile) (*data.Article, error) {
	if a.Capture == nil {
		return nil, fmt.Errorf("re-extract %s: no capture", a.URL)
	}
	target, hdr, body, err := warc.ReadResponse(dataDir, *a.Capture)
	if err != nil {
		return nil, fmt.Errorf("re-extract %s: %w", a.URL, err)
	}
	opts := extract.Options{ContentType: hdr.Get("Content-Type")}
	if profile != nil {
		opts.Selectors, opts.MinBodyRunes = profile.Selectors, profile.MinBodyRunes
		if profile.Charset != "" {
			opts.ContentType = "text/html; charset=" + profile.Charset
		}
	}
	out, err := extract.Extract(body, target, opts)
	if err != nil {
		return nil, fmt.Errorf("re-extract %s: %w", a.URL, err)
	}
	out.URL, out.FetchedAt, out.Capture = a.URL, a.FetchedAt, a.Capture
	return out, nil
}
