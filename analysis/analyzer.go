// Package analysis turns one meeting report (Chinese, English or mixed)
// into structured facts: paragraph languages, people and roles, dates,
// meeting type, attendance, host organisation, requirements with their
// speakers and themes, keywords and slogans.
//
// The work is split into small packages with one job each (text, dates,
// meeting, people, reqs, keywords, taxonomy); this package loads the shared
// resources once and wires them together. An Analyzer is immutable after
// New and safe for concurrent use.
package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-ego/gse"

	"meetscan/analysis/keywords"
	"meetscan/analysis/segment"
	"meetscan/analysis/taxonomy"
	"meetscan/data"
)

// codeVersion changes whenever the extraction rules change, so stored
// analyses are known to be stale.
const codeVersion = "analysis-3"

// Config says where users' extensions live.
type Config struct {
	// DataDir holds userdict.txt and taxonomy.yaml that extend (or
	// override) the embedded ones. "" means embedded assets only.
	DataDir string
}

// Analyzer analyses articles. Create it with New.
type Analyzer struct {
	seg      *gse.Segmenter
	cutter   *segment.Cutter
	tax      *taxonomy.Taxonomy
	matcher  *taxonomy.Matcher
	idf      *keywords.IDF
	stops    *keywords.Stops // gse's stop words and the built-in ones
	userDict string
	version  string
}

// New loads the dictionary (embedded user dictionary + DataDir/userdict.txt,
// then gse's own), the taxonomy (embedded merged with
// DataDir/taxonomy.yaml) and the keyword IDF table. Segmenters are shared
// per process by dictionary text, so a second New with the same files is
// cheap.
func New(cfg Config) (*Analyzer, error) {
	dict, err := segment.EmbeddedDict()
	if err != nil {
		return nil, err
	}
	tax, err := taxonomy.Default()
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	if cfg.DataDir != "" {
		ext, err := readOptional(filepath.Join(cfg.DataDir, data.UserDictFile))
		if err != nil {
			return nil, fmt.Errorf("analysis: user dictionary: %w", err)
		}
		if ext != "" {
			// gse keeps the first entry of a word, so the data-dir
			// lines go first to override embedded ones.
			dict = ext + "\n" + dict
		}
		f, err := os.Open(filepath.Join(cfg.DataDir, data.TaxonomyFile))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("analysis: taxonomy: %w", err)
		default:
			extTax, lerr := taxonomy.Load(f)
			f.Close()
			if lerr != nil {
				return nil, fmt.Errorf("analysis: taxonomy %s: %w", f.Name(), lerr)
			}
			tax = tax.Merge(extTax)
			// The matcher needs each Chinese term to be one gse word; a
			// user's new terms are added to the dictionary for that, with
			// the embedded dictionary's frequencies (a huge one would let
			// a term steal characters from its neighbours).
			if add := taxonomy.DictEntries(extTax, dict); add != "" {
				dict += "\n" + add
			}
		}
	}
	cutter, err := segment.SharedCutter(dict)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	seg := cutter.Segmenter()
	return &Analyzer{
		seg:      seg,
		cutter:   cutter,
		tax:      tax,
		matcher:  taxonomy.NewMatcher(tax, seg),
		idf:      keywords.Default(),
		stops:    keywords.NewStops(seg.StopWordMap),
		userDict: dict,
		version:  versionOf(dict, tax.Version()),
	}, nil
}

// versionOf combines the code version with hashes of the dictionary and
// taxonomy, so any change to them marks stored analyses stale.
func versionOf(dict, taxVersion string) string {
	sum := sha256.Sum256([]byte(codeVersion + "\x00" + dict + "\x00" + taxVersion))
	return codeVersion + "-" + hex.EncodeToString(sum[:6])
}

func readOptional(path string) (string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	return string(b), err
}

// Version identifies the code, dictionary and taxonomy an analysis was
// made with; it changes when any of them changes.
func (a *Analyzer) Version() string { return a.version }

// Taxonomy returns the merged taxonomy in use.
func (a *Analyzer) Taxonomy() *taxonomy.Taxonomy { return a.tax }

// UserDict returns the full user-dictionary text (data dir + embedded).
func (a *Analyzer) UserDict() string { return a.userDict }

// Segmenter returns the shared gse segmenter (read-only use).
func (a *Analyzer) Segmenter() *gse.Segmenter { return a.seg }

// lexicon adapts the segmenter's dictionary to people.Lexicon: a word is
// "common" when gse knows it with a non-person tag and a real frequency.
type lexicon struct{ seg *gse.Segmenter }

func (l lexicon) Common(w string) bool {
	f, pos, ok := l.seg.Find(w)
	if !ok || strings.HasPrefix(pos, "nr") {
		return false
	}
	return f >= commonFreq
}

// commonFreq: below this gse frequency a dictionary entry is as likely a
// rare name as a word.
const commonFreq = 50
