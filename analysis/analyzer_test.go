package analysis

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"

	"meetscan/data"
)

var (
	sharedOnce sync.Once
	sharedA    *Analyzer
	sharedErr  error
)

// analyzer loads the embedded dictionary and taxonomy once per test binary.
func analyzer(t testing.TB) *Analyzer {
	t.Helper()
	sharedOnce.Do(func() { sharedA, sharedErr = New(Config{}) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedA
}

func readFixture(t testing.TB, name string) *data.Article {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return &data.Article{Body: string(b)}
}

func names(ps []data.Person) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	sort.Strings(out)
	return out
}

func TestParagraphLangsAlignWithBody(t *testing.T) {
	a := analyzer(t)
	art := &data.Article{Title: "公司召开党建工作会议", Body: "3月1日，公司召开会议。\n\nThe meeting was held on March 1.\n会议要求，要抓落实。"}
	an := a.Analyze(art)
	want := []string{"zh", "en", "zh"}
	if !slices.Equal(an.Paragraphs, want) || len(art.Paragraphs()) != len(want) {
		t.Errorf("paragraph langs %v, want %v", an.Paragraphs, want)
	}
	if an.Lang != "mixed" || an.MeetingDate != "--03-01" || an.MeetingType != data.MeetingPromotion || len(an.Requirements) != 1 {
		t.Errorf("got %+v", an)
	}
}

func TestAnalyzeFixtures(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		file       string
		lang       string
		date       string
		typ        string
		attendance int
		period     int
		speaker    string
		people     []string
		reqs       int
	}{
		{"zh_promotion.txt", "zh", "2024-03-12", data.MeetingPromotion, 120, 2024, "刘建国", []string{"刘建国", "孙丽华", "王小明", "赵磊"}, 4},
		{"zh_trad_democratic.txt", "zh", "2022-12-26", data.MeetingDemocraticLife, 0, 2022, "陳志明", []string{"陳志明", "黃麗萍"}, 2},
		{"en_conference.txt", "en", "2024-02-20", data.MeetingPromotion, 80, 2023, "Li Ming", []string{"Li Ming", "Wang Fang", "Zhang Hua"}, 3},
		{"en_study.txt", "en", "2023-06-08", data.MeetingStudy, 0, 0, "Chen Gang", []string{"Chen Gang", "Fang Zhiyong", "Tang Min", "Xu Lei"}, 2},
		{"zh_study_tricky.txt", "zh", "2023-06-28", data.MeetingStudy, 0, 0, "马红军", []string{"万春燕", "周立新", "韩雪", "马红军", "高志远"}, 2},
		{"en_paragraph_list.txt", "en", "2023-02-16", data.MeetingPromotion, 150, 2023, "Wang Jianguo", []string{"Sun Li", "Wang Jianguo", "Zhou Min"}, 4},
		{"zh_oneline.txt", "zh", "", data.MeetingJoint, 30, 0, "郑海涛", []string{"李娜", "欧阳晓峰", "郑海涛"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			an := a.Analyze(readFixture(t, tc.file))
			js, _ := json.MarshalIndent(an, "", " ")
			if an.Lang != tc.lang || an.MeetingDate != tc.date || an.MeetingType != tc.typ || an.Attendance != tc.attendance ||
				an.PeriodYear != tc.period || an.Speaker != tc.speaker || !slices.Equal(names(an.People), tc.people) || len(an.Requirements) != tc.reqs {
				t.Errorf("got lang=%s date=%s type=%s attendance=%d period=%d speaker=%s people=%v reqs=%d\nwant lang=%s date=%s type=%s attendance=%d period=%d speaker=%s people=%v reqs=%d\n%s",
					an.Lang, an.MeetingDate, an.MeetingType, an.Attendance, an.PeriodYear, an.Speaker, names(an.People), len(an.Requirements),
					tc.lang, tc.date, tc.typ, tc.attendance, tc.period, tc.speaker, tc.people, tc.reqs, js)
			}
		})
	}
}

// The speaker is who put the requirements forward: named before them,
// else the one who gave the (concluding) speech or the review comments,
// else the one who presided.
func TestSpeaker(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		name, body, want string
	}{
		{"reviewer over presider", "12月20日，学院党委召开支部书记述职评议会。党委书记李华、党委副书记张明出席会议。会议由张明主持。\n李华逐一对各支部书记的述职进行了点评。\n会议强调，各党支部要对照问题清单逐项整改。", "李华"},
		{"presider when nobody speaks", "12月20日，学院党委召开支部书记述职评议会。党委副书记张明主持会议。\n会议强调，各党支部要对照问题清单逐项整改。", "张明"},
		{"named before the requirement", "党委副书记张明主持会议。党委书记李华作总结讲话。\n纪委书记王强指出，要加强廉洁教育。", "王强"},
		{"English concluding speech", "The meeting was presided over by Zhang Ming, deputy secretary of the Party Committee.\nLi Hua, secretary of the Party Committee, made a concluding speech.\nThe meeting stressed that each branch should rectify the problems found in the review.", "Li Hua"},
	}
	for _, tc := range tests {
		an := a.Analyze(&data.Article{Body: tc.body})
		if an.Speaker != tc.want {
			t.Errorf("%s: speaker %q, want %q (people %v)", tc.name, an.Speaker, tc.want, names(an.People))
		}
	}
}
