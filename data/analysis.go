package data

import "encoding/json"

// Meeting types, as stored in Analysis.MeetingType.
const (
	MeetingReview         = "review"          // 述职评议, performance review
	MeetingPromotion      = "promotion"       // 工作会议, 推进会, 部署会
	MeetingJoint          = "joint"           // 联席会, 联学联建, 共建
	MeetingStudy          = "study"           // 理论学习中心组, 专题学习
	MeetingDemocraticLife = "democratic_life" // 民主生活会, 组织生活会
	MeetingCongress       = "congress"        // 党员大会, 换届选举
	MeetingOther          = "other"
)

// MeetingTypes lists the meeting types in display order.
var MeetingTypes = []string{MeetingReview, MeetingPromotion, MeetingJoint, MeetingStudy,
	MeetingDemocraticLife, MeetingCongress, MeetingOther}

// Analysis is what meetscan extracts from one article. It is stored beside
// the article and rebuilt by reanalyze. Unknown values are zero ("" or 0)
// in Go and null in JSON.
type Analysis struct {
	Version      string        `json:"version"` // analyzer version: code + dictionary + taxonomy
	Lang         string        `json:"lang"`    // "zh", "en" or "mixed"
	Paragraphs   []string      `json:"paragraph_langs,omitempty"`
	MeetingDate  string        `json:"meeting_date"` // "2006-01-02", "--01-02" or ""
	PeriodYear   int           `json:"period_year"`
	Org          string        `json:"org"`
	MeetingType  string        `json:"meeting_type"`
	Attendance   int           `json:"attendance"`
	Speaker      string        `json:"speaker"`
	People       []Person      `json:"people"`
	Requirements []Requirement `json:"requirements"`
	Themes       []ThemeHit    `json:"themes"`
	Keywords     []Keyword     `json:"keywords"`
	Slogans      []string      `json:"slogans"`
}

// Person is a named participant or credited person with the roles written
// beside the name.
type Person struct {
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

// Requirement is one directive put forward at the meeting.
type Requirement struct {
	Text    string   `json:"text"`
	Speaker string   `json:"speaker"`
	Themes  []string `json:"themes"` // theme ids
}

// ThemeHit is a taxonomy theme found in an article.
type ThemeHit struct {
	ID      string   `json:"id"`
	LabelEN string   `json:"label_en"`
	LabelZH string   `json:"label_zh"`
	Count   int      `json:"count"` // occurrences in the article
	Terms   []string `json:"terms"` // the terms as matched
}

// Keyword is a weighted keyword of an article.
type Keyword struct {
	Term   string  `json:"term"`
	Weight float64 `json:"weight"`
}

// Year returns the year of the meeting date, or 0 when it is unknown or
// written without a year.
func (a *Analysis) Year() int {
	if len(a.MeetingDate) < 4 || a.MeetingDate[0] == '-' {
		return 0
	}
	y := 0
	for _, c := range a.MeetingDate[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// CountYear is the year an article counts for in facets, trends and
// requirement groups: the analysis period year, else the meeting date's
// year, else the year published (Shanghai time); 0 when none is known.
func CountYear(a *Article, an *Analysis) int {
	if an != nil {
		if an.PeriodYear > 0 {
			return an.PeriodYear
		}
		if y := an.Year(); y > 0 {
			return y
		}
	}
	if !a.Published.IsZero() {
		return a.Published.Time.In(Shanghai).Year()
	}
	return 0
}

// ThemeIDs returns the ids of the themes found.
func (a *Analysis) ThemeIDs() []string {
	ids := make([]string, len(a.Themes))
	for i, t := range a.Themes {
		ids[i] = t.ID
	}
	return ids
}

// MarshalJSON writes unknown values as null and empty lists as [], never
// omitting a key, so consumers see the same shape for every article.
func (a Analysis) MarshalJSON() ([]byte, error) {
	type plain Analysis
	out := struct {
		plain
		MeetingDate *string `json:"meeting_date"`
		PeriodYear  *int    `json:"period_year"`
		Org         *string `json:"org"`
		MeetingType *string `json:"meeting_type"`
		Attendance  *int    `json:"attendance"`
		Speaker     *string `json:"speaker"`
	}{plain: plain(a)}
	out.MeetingDate = optString(a.MeetingDate)
	out.PeriodYear = optInt(a.PeriodYear)
	out.Org = optString(a.Org)
	out.MeetingType = optString(a.MeetingType)
	out.Attendance = optInt(a.Attendance)
	out.Speaker = optString(a.Speaker)
	out.People = nonNil(out.People)
	out.Requirements = nonNil(out.Requirements)
	out.Themes = nonNil(out.Themes)
	out.Keywords = nonNil(out.Keywords)
	out.Slogans = nonNil(out.Slogans)
	for i := range out.People {
		out.People[i].Roles = nonNil(out.People[i].Roles)
	}
	for i := range out.Requirements {
		out.Requirements[i].Themes = nonNil(out.Requirements[i].Themes)
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes (null becomes the zero value).
func (a *Analysis) UnmarshalJSON(b []byte) error {
	type plain Analysis
	var in struct {
		plain
		MeetingDate *string `json:"meeting_date"`
		PeriodYear  *int    `json:"period_year"`
		Org         *string `json:"org"`
		MeetingType *string `json:"meeting_type"`
		Attendance  *int    `json:"attendance"`
		Speaker     *string `json:"speaker"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*a = Analysis(in.plain)
	a.MeetingDate = deref(in.MeetingDate)
	a.PeriodYear = deref(in.PeriodYear)
	a.Org = deref(in.Org)
	a.MeetingType = deref(in.MeetingType)
	a.Attendance = deref(in.Attendance)
	a.Speaker = deref(in.Speaker)
	return nil
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optInt(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
