package sample

import "sort"

// FactSheet is what the embedded sample site contains, written by the generator
// of the site (internal/build) beside the pages, so tests and the demo can
// assert true statements about it.
type FactSheet struct {
	Site     string `json:"site"`    // the site's name
	SiteEN   string `json:"site_en"` // its English name
	Seed     int64  `json:"seed"`
	Articles int    `json:"articles"`
	Years    []int  `json:"years"`

	ByYear    map[int]int    `json:"by_year"`
	ByType    map[string]int `json:"by_type"`
	ByLang    map[string]int `json:"by_lang"`
	ByOrg     map[string]int `json:"by_org"`     // Chinese org name -> reports
	BySection map[string]int `json:"by_section"` // section path -> reports

	Orgs      []OrgFact     `json:"orgs"`
	Sections  []SectionFact `json:"sections"`
	Themes    []ThemeFact   `json:"themes"`
	Recurring []FamilyFact  `json:"recurring"` // recurring families first, then distractors
	Terms     []TermFact    `json:"terms"`     // vocabulary whose use shifts over the years
	Pages     []PageFact    `json:"pages"`
	Reports   []ReportFact  `json:"reports"` // newest first
}

// OrgFact is an organisation whose meetings the site reports.
type OrgFact struct {
	ZH      string       `json:"zh"`
	EN      string       `json:"en"`
	Kind    string       `json:"kind"`
	Section string       `json:"section"` // path of its Chinese section
	Leaders []LeaderFact `json:"leaders"` // the first one is the speaker of every report
}

// LeaderFact is a leader with the title written before the name.
type LeaderFact struct {
	ZH      string `json:"zh"`
	EN      string `json:"en"`
	TitleZH string `json:"title_zh"`
	TitleEN string `json:"title_en"`
}

// SectionFact is one column of the site with its listing pages.
type SectionFact struct {
	Path     string `json:"path"` // "/qydj/"
	NameZH   string `json:"name_zh"`
	NameEN   string `json:"name_en"`
	Charset  string `json:"charset"`        // encoding of the bytes: "utf-8" or "gbk"
	Header   bool   `json:"charset_header"` // whether Content-Type names the charset (else only the meta tag does)
	Pages    int    `json:"pages"`          // listing pages: index.html, index_1.html, …
	Articles int    `json:"articles"`
}

// ThemeFact is a planted theme: reports per year that mention it.
type ThemeFact struct {
	ID         string      `json:"id"`
	DocsByYear map[int]int `json:"docs_by_year"`
	// Trend is the planted shape, checked against the counts when the site
	// is built: rising (last year's share at least 0.3 above the first's),
	// gone (in at least 3 reports of the first year, none of the last two),
	// new (none in the first two years, at least 3 in the last), peaked (a
	// middle year at least 0.3 above both ends), campaign (several years
	// each at least 0.3 above both neighbours) or steady (shares within 0.25).
	Trend string   `json:"trend"`
	Peaks []int    `json:"peaks,omitempty"` // the peak years of peaked and campaign
	Terms []string `json:"terms"`           // every term the theme is written with
}

// TermFact counts, per year, the reports whose title or body contains a term.
type TermFact struct {
	Term       string      `json:"term"`
	DocsByYear map[int]int `json:"docs_by_year"`
}

// FamilyFact is a planted requirement family: one directive in several
// wordings, or a distractor.
type FamilyFact struct {
	ID         string      `json:"id"`
	Distractor bool        `json:"distractor,omitempty"`
	Docs       int         `json:"docs"`
	DocsByYear map[int]int `json:"docs_by_year"`
	Orgs       []string    `json:"orgs"`     // Chinese names, sorted
	Wordings   []string    `json:"wordings"` // the wordings that occur in the site
}

// PageFact is one file of the site and how it is served.
type PageFact struct {
	Path        string `json:"path"` // URL path, "/qydj/index_1.html"
	File        string `json:"file"` // file under data/assets/sample
	ContentType string `json:"content_type"`
	Kind        string `json:"kind"` // home, listing, article, robots
}

// ReportFact is one meeting report of the site with its planted facts.
type ReportFact struct {
	Path        string     `json:"path"`
	Section     string     `json:"section"`
	Title       string     `json:"title"`
	Published   string     `json:"published"` // as data.PubTime.String: "2023-02-16" or "2023-02-16 10:20"
	Lang        string     `json:"lang"`
	Org         string     `json:"org"` // Chinese name
	Type        string     `json:"type"`
	MeetingDate string     `json:"meeting_date"`
	DateInText  string     `json:"date_in_text"` // "full" or "month_day"
	Speaker     LeaderFact `json:"speaker"`
	Presider    LeaderFact `json:"presider"`
	Attendance  int        `json:"attendance"`  // 0: not stated
	PeriodYear  int        `json:"period_year"` // work year the meeting name states, 0: none
	Themes      []string   `json:"themes"`
	Items       []ItemFact `json:"items"`
	Author      string     `json:"author"`
}

// ItemFact is a planted requirement item.
type ItemFact struct {
	Text   string `json:"text"`
	Family string `json:"family"`
}

// Theme returns the planted theme with an id.
func (f *FactSheet) Theme(id string) (ThemeFact, bool) {
	for _, t := range f.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return ThemeFact{}, false
}

// ThemesWithTrend returns the ids of the planted themes of a trend shape
// (rising, gone, new, peaked, campaign, steady), in planting order.
func (f *FactSheet) ThemesWithTrend(trend string) []string {
	var ids []string
	for _, t := range f.Themes {
		if t.Trend == trend {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// Families returns the recurring requirement families (distractors left
// out), most reports first.
func (f *FactSheet) Families() []FamilyFact {
	var out []FamilyFact
	for _, fam := range f.Recurring {
		if !fam.Distractor {
			out = append(out, fam)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Docs > out[j].Docs })
	return out
}

// Term returns the per-year counts of a shifting term, nil if not counted.
func (f *FactSheet) Term(term string) map[int]int {
	for _, t := range f.Terms {
		if t.Term == term {
			return t.DocsByYear
		}
	}
	return nil
}
