// Package segment loads gse segmenters: meetscan's user dictionary first (so
// its entries win), then gse's embedded simplified and traditional Chinese
// dictionaries. Loading takes about 1.5 s and 300 MB, so a process loads
// each distinct dictionary once and shares the result; a loaded Segmenter is
// safe for concurrent cutting as long as nobody adds words to it.
package segment

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/go-ego/gse"

	"meetscan/data"
)

var (
	mu     sync.Mutex
	loaded = map[[32]byte]*entry{} // registry of loaded segmenters by dictionary text
)

type entry struct {
	once   sync.Once
	seg    *gse.Segmenter
	cutter *Cutter
	err    error
}

// Default returns the shared segmenter with the embedded user dictionary.
func Default() (*gse.Segmenter, error) {
	dict, err := EmbeddedDict()
	if err != nil {
		return nil, err
	}
	return Shared(dict)
}

// EmbeddedDict returns the text of the embedded user dictionary.
func EmbeddedDict() (string, error) {
	b, err := fs.ReadFile(data.Assets(), data.UserDictFile)
	if err != nil {
		return "", fmt.Errorf("embedded user dictionary: %w", err)
	}
	return string(b), nil
}

// Shared returns the process-wide segmenter for a user dictionary text,
// loading it on first use.
func Shared(userDict string) (*gse.Segmenter, error) {
	e := shared(userDict)
	return e.seg, e.err
}

// SharedCutter returns the process-wide Cutter over Shared(userDict), made
// once with the segmenter.
func SharedCutter(userDict string) (*Cutter, error) {
	e := shared(userDict)
	return e.cutter, e.err
}

func shared(userDict string) *entry {
	key := sha256.Sum256([]byte(userDict))
	mu.Lock()
	e, ok := loaded[key]
	if !ok {
		e = &entry{}
		loaded[key] = e
	}
	mu.Unlock()
	e.once.Do(func() {
		if e.seg, e.err = Load(userDict); e.err == nil {
			e.cutter = NewCutter(e.seg)
		}
	})
	return e
}

// Load builds a new segmenter: the user dictionary (lines "word freq pos";
// blank lines and lines starting with # are skipped), then gse's embedded
// zh_s and zh_t dictionaries.
func Load(userDict string) (*gse.Segmenter, error) {
	seg := new(gse.Segmenter)
	seg.SkipLog = true
	if user := cleanDict(userDict); user != "" {
		if err := seg.LoadDictStr(user); err != nil {
			return nil, fmt.Errorf("load user dictionary: %w", err)
		}
	}
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load gse zh_s dictionary: %w", err)
	}
	if err := seg.LoadDictEmbed("zh_t"); err != nil {
		return nil, fmt.Errorf("load gse zh_t dictionary: %w", err)
	}
	if err := seg.LoadStopEmbed(); err != nil {
		return nil, fmt.Errorf("load gse stop words: %w", err)
	}
	return seg, nil
}

func cleanDict(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
