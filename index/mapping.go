package index

import (
	"meetscan/analysis/meeting"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"meetscan/data"
)

// Index field names.
const (
	fTitle    = "title"
	fBody     = "body"
	fOrg      = "org"       // analysed, searchable by words
	fOrgExact = "org_exact" // keyword, as written: shown in results
	// fOrgUnit is the organisation without its party organ (东港街道办事处党工委
	// and 东港街道办事处 are one unit): the org facet and filter, so that
	// one host does not appear as several organisations.
	fOrgUnit   = "org_unit"
	fPeople    = "people" // keyword
	fRoles     = "roles"
	fThemes    = "themes" // keyword, theme ids
	fReqs      = "reqs"   // requirement texts
	fType      = "type"
	fLang      = "lang"
	fDate      = "date" // meeting date when known to the day, else published
	fPublished = "published"
	fMeetDate  = "meeting_date" // stored string as in data.Analysis
	fYear      = "year"         // number
	fYearKW    = "year_kw"      // keyword "2023", the year facet
	fURL       = "url"
	fKeywords  = "keywords" // keyword, top analysis keywords
	fPubStr    = "pub_str"  // stored display string of Published
	fChars     = "chars"    // each Han character of title and body, once
)

// AnalyzerChars analyses the chars field.
const AnalyzerChars = "meetscan_chars"

// newMapping builds the index mapping. Only mapped fields are indexed
// (static mapping), so an unknown field in a document is ignored.
func newMapping(userDict string) (*mapping.IndexMappingImpl, error) {
	return newMappingWith(userDict, AnalyzerIndex)
}

// newMappingWith uses textAnalyzer for the text fields (benchmarks compare
// bleve's "cjk" on the same mapping).
func newMappingWith(userDict, textAnalyzer string) (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	tokIndex, tokQuery := TokenizerName+"_sub", TokenizerName+"_word"
	if err := im.AddCustomTokenizer(tokIndex, map[string]interface{}{
		"type": TokenizerName, "user_dict": userDict, "sub_words": true,
	}); err != nil {
		return nil, err
	}
	if err := im.AddCustomTokenizer(tokQuery, map[string]interface{}{
		"type": TokenizerName, "user_dict": userDict, "sub_words": false,
	}); err != nil {
		return nil, err
	}
	for name, tok := range map[string]string{AnalyzerIndex: tokIndex, AnalyzerQuery: tokQuery, AnalyzerChars: CharsTokenizerName} {
		if err := im.AddCustomAnalyzer(name, map[string]interface{}{
			"type": custom.Name, "tokenizer": tok,
		}); err != nil {
			return nil, err
		}
	}
	im.DefaultAnalyzer = textAnalyzer
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	// No field goes into bleve's composite _all field (see allField).
	im.DefaultField = fBody // bleve's own parser (wildcards…) without a field
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = textAnalyzer
		f.Store = store
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(store, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = true
		f.Index = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	dm.AddFieldMappingsAt(fTitle, text(true))
	dm.AddFieldMappingsAt(fBody, text(true))
	dm.AddFieldMappingsAt(fOrg, text(false), func() *mapping.FieldMapping {
		f := kw(true, true)
		f.Name = fOrgExact
		return f
	}())
	dm.AddFieldMappingsAt(fOrgUnit, kw(false, true))
	dm.AddFieldMappingsAt(fPeople, kw(false, true))
	dm.AddFieldMappingsAt(fRoles, text(false))
	dm.AddFieldMappingsAt(fThemes, kw(false, true))
	dm.AddFieldMappingsAt(fReqs, text(false))
	dm.AddFieldMappingsAt(fType, kw(true, true))
	dm.AddFieldMappingsAt(fLang, kw(true, true))
	dm.AddFieldMappingsAt(fKeywords, kw(false, true))
	dm.AddFieldMappingsAt(fURL, kw(true, false))
	dm.AddFieldMappingsAt(fYearKW, kw(false, true))
	chars := bleve.NewTextFieldMapping()
	chars.Analyzer = AnalyzerChars
	chars.Store = false
	chars.IncludeTermVectors = false
	chars.IncludeInAll = false
	chars.DocValues = false
	dm.AddFieldMappingsAt(fChars, chars)
	dm.AddFieldMappingsAt(fMeetDate, storedOnly())
	dm.AddFieldMappingsAt(fPubStr, storedOnly())
	year := bleve.NewNumericFieldMapping()
	year.Store = true
	year.IncludeInAll = false
	year.DocValues = true
	dm.AddFieldMappingsAt(fYear, year)
	for _, name := range []string{fDate, fPublished} {
		f := bleve.NewDateTimeFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = true
		dm.AddFieldMappingsAt(name, f)
	}
	// Disabled, so that bleve does not even build an empty composite field
	// per document.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.DefaultMapping = dm
	return im, nil
}

// docDate is the meeting date when known to the day, else the publication
// time; zero when neither is known.
func docDate(a *data.Article, an *data.Analysis) time.Time {
	if an != nil && len(an.MeetingDate) == 10 && an.MeetingDate[0] != '-' {
		if t, err := time.ParseInLocation(time.DateOnly, an.MeetingDate, data.Shanghai); err == nil {
			return t
		}
	}
	if !a.Published.IsZero() {
		return a.Published.Time
	}
	return time.Time{}
}

// indexDoc converts a Doc into the field map bleve indexes.
func indexDoc(d Doc) map[string]interface{} {
	a, an := d.Article, d.Analysis
	m := map[string]interface{}{
		fTitle: a.Title,
		fBody:  bodyText(a),
		fURL:   a.URL,
		fChars: a.Title + "\n" + a.Body,
	}
	lang := a.Lang
	if an != nil && an.Lang != "" {
		lang = an.Lang
	}
	if lang != "" {
		m[fLang] = lang
	}
	if !a.Published.IsZero() {
		m[fPublished] = a.Published.Time
		m[fPubStr] = publishedString(a.Published)
	}
	if t := docDate(a, an); !t.IsZero() {
		m[fDate] = t
	}
	if y := data.CountYear(a, an); y > 0 {
		m[fYear] = float64(y)
		m[fYearKW] = strconv.Itoa(y)
	}
	if an == nil {
		return m
	}
	if an.Org != "" {
		m[fOrg] = an.Org
		m[fOrgUnit] = meeting.OrgUnit(an.Org)
	}
	if an.MeetingType != "" {
		m[fType] = an.MeetingType
	}
	if an.MeetingDate != "" {
		m[fMeetDate] = an.MeetingDate
	}
	var people, roles []string
	for _, p := range an.People {
		if p.Name != "" {
			people = append(people, p.Name)
		}
		roles = append(roles, p.Roles...)
	}
	if len(people) > 0 {
		m[fPeople] = people
	}
	if len(roles) > 0 {
		m[fRoles] = strings.Join(roles, "\n")
	}
	if ids := an.ThemeIDs(); len(ids) > 0 {
		m[fThemes] = ids
	}
	if len(an.Requirements) > 0 {
		reqs := make([]string, 0, len(an.Requirements))
		for _, r := range an.Requirements {
			reqs = append(reqs, r.Text)
		}
		m[fReqs] = strings.Join(reqs, "\n")
	}
	if len(an.Keywords) > 0 {
		kws := make([]string, 0, len(an.Keywords))
		for i, k := range an.Keywords {
			if i == maxKeywords {
				break
			}
			kws = append(kws, k.Term)
		}
		m[fKeywords] = kws
	}
	return m
}

// bodyText is what the body field indexes and stores: the title, a line
// break, then the body. Unqualified queries search this one field, so an
// article is scored on title and body together (as bleve's _all field did,
// without indexing every token a second time); the title field itself is
// indexed for title: queries. Hit.Snippets and Hit.TitleHTML take the
// title part out again (see splitTitle).
func bodyText(a *data.Article) string {
	if a.Title == "" {
		return a.Body
	}
	return a.Title + "\n" + a.Body
}

// maxKeywords bounds the keywords indexed per article for term trends.
const maxKeywords = 20

func publishedString(p data.PubTime) string {
	if p.HasClock {
		return p.Time.In(data.Shanghai).Format(time.RFC3339)
	}
	return p.Date()
}
