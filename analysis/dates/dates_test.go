package dates

import "testing"

func TestFromURL(t *testing.T) {
	tests := []struct{ url, want string }{
		{"http://czrb.chiznews.com:8081/site1/czrb/2019-12/25/content_144631.htm", "2019-12-25"},
		{"http://statmath.aufe.edu.cn/2020/0105/c9087a146284/page.htm", "2020-01-05"},
		{"http://www.gov.cn/xinwen/202302/t20230216_123.html", "2023-02-16"},
		{"http://whszjt.com/fgs/11/2/2018-03-09/5450.html", "2018-03-09"},
		{"http://ztwj.multimediapaper.net/Html/2019-02-19/11515.html", "2019-02-19"},
		{"http://en.cnpubg.com/ennewstrends/2021/0408/25448.shtml", "2021-04-08"},
		{"https://news.csu.edu.cn/info/1419/136682.htm", ""},
		{"https://example.com/2019/13/45/x.html", ""},
		{"not a url", ""},
	}
	for _, tc := range tests {
		d, _ := FromURL(tc.url)
		if got := d.String(); got != tc.want {
			t.Errorf("FromURL(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

func TestPublished(t *testing.T) {
	tests := []struct {
		paras []string
		want  string
	}{
		{[]string{"标题", "来源:机关党委 点击次数:次 发布时间:2018年01月12日 作者:丁小春", "1月10日上午，召开会议。"}, "2018-01-12"},
		{[]string{"Title", "Published Time:", "2024-01-04 21:12", "On the afternoon of December 28, the company held a meeting."}, "2024-01-04"},
		{[]string{"编辑:admin 时间:2022-03-09 10:47", "3月4日，公司召开会议。"}, "2022-03-09"},
		{[]string{"  • Source:CPG | 2021-04-08"}, "2021-04-08"},
		{[]string{"2018年1月4日，学院党委在党员活动室召开了2017年度基层党组织书记抓党建述职评议会议。全院所有党总支和直属党支部书记共11人参加述职。"}, ""},
	}
	for _, tc := range tests {
		d, _ := Published(tc.paras)
		if got := d.String(); got != tc.want {
			t.Errorf("Published(%q) = %q, want %q", tc.paras, got, tc.want)
		}
	}
}

func TestIsMetaLine(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"来源:机关党委 点击次数:次 发布时间:2018年01月12日", true},
		{"Number of views:", true},
		{"Release time:", true},
		{"2024-01-04 21:12", true},
		{"Members exchanged views on the published plan.", false},
		{"会议由党委书记主持。", false},
	}
	for _, tc := range tests {
		if got := IsMetaLine(tc.p); got != tc.want {
			t.Errorf("IsMetaLine(%q) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func TestMeeting(t *testing.T) {
	tests := []struct {
		paras []string
		want  string
	}{
		{[]string{"红网湘潭县分站1月22日讯(通讯员 周星)1月19日,花石镇组织召开了支部书记现场述职测评大会。"}, "--01-19"},
		{[]string{"2023年1月10日下午，星云街道组织召开述职评议考核会。"}, "2023-01-10"},
		{[]string{"2018年7日3日,西湖区与我校举行结对仪式。"}, "2018-07-03"},
		{[]string{"On the afternoon of December 28, the company held the meeting."}, "--12-28"},
		{[]string{"the Party Group held the study meeting on the afternoon of February, 1, 2021."}, "2021-02-01"},
		{[]string{"CPC Committee Shenjian Branch held a general meeting on July 15, 2019, presided over by Secretary Liu Zhijian."}, "2019-07-15"},
		{[]string{"The meeting was held on 8 March 2022 in Beijing."}, "2022-03-08"},
		{[]string{"近日，高镇纪委组织召开了大会。"}, ""},
		// A capitalised verb starts the sentence that holds the meeting:
		// its date wins over the earlier one.
		{[]string{"The notice was issued on April 2. Held on May 5, the review meeting heard eight secretaries."}, "--05-05"},
		{[]string{"The plan was adopted on March 1. Convened by the branch on March 9, the study session lasted a day."}, "--03-09"},
	}
	for _, tc := range tests {
		m, _ := Meeting(tc.paras)
		if got := m.Date.String(); got != tc.want {
			t.Errorf("Meeting(%q) = %q, want %q", tc.paras, got, tc.want)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		md, ref  Date
		period   int
		backward bool
		years    []int
		want     string
	}{
		{Date{0, 12, 28}, Date{2024, 1, 4}, 2023, true, nil, "2023-12-28"},
		{Date{0, 3, 7}, Date{2018, 3, 9}, 2017, true, nil, "2018-03-07"},
		{Date{0, 4, 22}, Date{}, 2022, true, []int{2022, 2023}, "2023-04-22"},
		{Date{0, 4, 13}, Date{}, 2022, false, []int{2022}, "2022-04-13"},
		{Date{0, 12, 30}, Date{}, 2021, true, []int{2021, 2022}, "2021-12-30"},
		{Date{0, 4, 27}, Date{}, 0, false, []int{2022, 2023}, "2023-04-27"},
		{Date{0, 9, 10}, Date{}, 0, false, nil, "--09-10"},
		{Date{2019, 12, 29}, Date{2020, 1, 5}, 0, false, nil, "2019-12-29"},
	}
	for _, tc := range tests {
		if got := Resolve(tc.md, tc.ref, tc.period, tc.backward, tc.years).String(); got != tc.want {
			t.Errorf("Resolve(%v, %v, %d, %v) = %q, want %q", tc.md, tc.ref, tc.period, tc.backward, got, tc.want)
		}
	}
}

func TestPeriodYear(t *testing.T) {
	tests := []struct {
		title string
		paras []string
		want  int
	}{
		{"局召开2018年度党委书记抓基层党建工作述职评议会", nil, 2018},
		{"", []string{"4月22日，马寨乡召开2022年度基层党组织书记抓党建述职评议会。"}, 2022},
		{"", []string{"2月24日下午，市商务局总支召开述职评议会议。", "陈竹对2022年度党建工作提出了三点要求。"}, 0},
		{"", []string{"2024年1月16日上午，国光社区党委召开2024年第一季度党建共建联席会。", "孙晓艳就2023年度社区工作进行汇报。"}, 2024},
		{"", []string{"Recently, the group held the 2023 annual Party branch Secretary review meeting."}, 2023},
		{"College Party Committee Holds 2019 Party Branch Secretary Report", []string{"on December 29, 2019, the party committee held the meeting."}, 2019},
		{"", []string{"The two secretaries reported on work in 2022 and plans for 2023."}, 0},
		{"", []string{"2019年12月4日下午，学院召开全体党员大会。"}, 0},
		// YYYY年第N次 numbers the year's sessions; it states no work year.
		{"", []string{"近日，中共河口县委理论学习中心组举行2023年第四次集体学习。"}, 0},
		{"", []string{"市委党校举办2022年第2期中青年干部读书班。"}, 0},
		{"", []string{"3月2日，街道党工委召开2023年第一季度党建工作例会。"}, 2023},
		// The year that names the meeting outranks years mentioned later.
		{"Our school held the 2020 party branch secretary review meeting", []string{
			"On January 8, the Party Committee of Lanshan Normal School held the 2020 party branch secretary review meeting.",
			"The rectification will be included in the annual assessment of 2021."}, 2020},
		{"", []string{"On May 6, 2021, the branch held the 2020 democratic life meeting.", "Progress will count in the annual review for 2021."}, 2020},
		{"", []string{"On January 23, 2019, the branch held a review meeting.", "The work of the 2019 plan was reviewed."}, 0},
	}
	for _, tc := range tests {
		if got := PeriodYear(tc.title, tc.paras); got != tc.want {
			t.Errorf("PeriodYear(%q, %q) = %d, want %d", tc.title, tc.paras, got, tc.want)
		}
	}
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{"2018年7日3日", "On December 28, 2023", "/2020/0105/x", "12月28日讯", "\xff年\xfe月", "2024-13-45"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		MentionsIn(s)
		FromURL(s)
		Published([]string{s})
		if m, ok := Meeting([]string{s, s}); ok {
			_ = Resolve(m.Date, Date{2024, 1, 1}, 2023, true, Years(s)).String()
		}
		PeriodYear(s, []string{s})
	})
}

func TestMeetingSentence(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"8月3日，公司党委召开党建工作推进会", true},
		{"局党组书记主持会议", true},
		{"Held on May 5 in the main hall, the meeting heard eight reports", true},
		{"Convened by the Party Committee, the session studied the new rules", true},
		{"ORGANIZED BY THE BRANCH", true},
		{"The Branch Holds a Study Meeting", true},
		{"The hospital withheld the report", false},
		{"Members discussed the household survey", false},
		{"会上，各支部书记依次述职", false},
	}
	for _, tc := range tests {
		if got := MeetingSentence(tc.s); got != tc.want {
			t.Errorf("MeetingSentence(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
