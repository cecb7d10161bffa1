package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// The templates below are the project's own wording. {X} marks a slot. No
// template may contain a planted theme term (Config.Validate checks), and
// narrative templates contain no directive (要/必须/should/must), so that
// every requirement in a generated article is a planted Item.

var defaultTypeWeights = map[string]float64{
	"review": 0.2, "promotion": 0.2, "joint": 0.12, "study": 0.2,
	"democratic_life": 0.1, "congress": 0.08, "other": 0.1,
}

type pair struct{ zh, en string }

var meetingNames = map[string][]pair{
	"review": {
		{"{Y}年度党支部书记抓党建工作述职评议会", "the {Y} annual performance review meeting of party branch secretaries"},
		{"{Y}年度基层党组织书记述职评议考核会", "the {Y} review and evaluation meeting of secretaries of primary party organizations"},
	},
	"promotion": {
		{"{Y}年党建工作推进会", "the {Y} party building work promotion meeting"},
		{"{Y}年度党的建设工作会议", "the {Y} party building work conference"},
		{"党建重点任务部署会", "a deployment meeting on key party building tasks"},
	},
	"joint": {
		{"党建联席会", "a joint party building meeting"},
		{"支部联学联建交流会", "a joint study and co-building exchange meeting of branches"},
		{"党建共建签约暨联席会议", "a party building co-construction signing ceremony and joint meeting"},
	},
	"study": {
		{"党委理论学习中心组{M}月集中学习会", "the {MEN} collective study session of the Party Committee's theoretical study center group"},
		{"专题学习会", "a special study session"},
		{"党委中心组（扩大）学习会", "an enlarged study session of the Party Committee's central group"},
	},
	"democratic_life": {
		{"{Y}年度领导班子民主生活会", "the {Y} democratic life meeting of the leadership team"},
		{"{Y}年度党支部组织生活会", "the {Y} organizational life meeting of the party branches"},
	},
	"congress": {
		{"党员大会暨支部委员会换届选举", "a general meeting of party members to elect a new branch committee"},
		{"党员代表大会", "a congress of party member representatives"},
	},
	"other": {
		{"庆祝建党{N}周年表彰会", "a commendation meeting celebrating the {NTH} anniversary of the founding of the Party"},
		{"“学习身边榜样”事迹报告会", "a report session on the deeds of model workers around us"},
		{"党员志愿服务活动", "a volunteer service activity of party members"},
	},
}

var activities = map[string][]pair{
	"review": {
		{"会上，{K}名党支部书记依次上台述职，围绕履职情况、存在不足和改进方向作了汇报，与会人员现场进行了民主测评。",
			"At the meeting, {K} branch secretaries reported on their work in turn, covering how they performed their duties, where they fell short and how they plan to improve, and the participants scored them on the spot."},
		{"各支部书记逐一述职后，{S}逐个进行点评，既肯定成绩，也直指不足。",
			"After each secretary's report, {S} commented on them one by one, recognizing progress and pointing out weaknesses directly."},
	},
	"promotion": {
		{"会议通报了前一阶段党建工作开展情况，对下一阶段重点任务作了部署，{K}个基层党组织作交流发言。",
			"The meeting reviewed party building work of the previous stage, arranged the key tasks of the next one, and {K} primary party organizations spoke about their experience."},
		{"会上印发了年度党建工作要点和任务清单，相关部门负责人逐项作了说明。",
			"The annual party building work points and task list were handed out, and the heads of the departments concerned explained them item by item."},
	},
	"joint": {
		{"双方围绕资源共享、活动共办、人才互通等事项深入交流，并签订了共建协议。",
			"The two sides exchanged views on sharing resources, holding activities together and exchanging staff, and signed a co-construction agreement."},
		{"{P}相关负责同志介绍了本单位的经验做法，双方约定每季度轮流举办一次联合活动。",
			"Leaders from {P} introduced their practice, and the two sides agreed to take turns hosting a joint activity every quarter."},
	},
	"study": {
		{"与会同志集中学习了有关重要讲话和文件，{K}名中心组成员结合分管工作作了交流发言。",
			"The participants studied the relevant important speeches and documents together, and {K} members of the group spoke in light of the work they are in charge of."},
		{"会议采取领学、自学和研讨相结合的方式，大家联系思想和工作实际谈体会、谈打算。",
			"The session combined guided reading, self-study and discussion, and everyone shared thoughts and plans drawn from their own work."},
	},
	"democratic_life": {
		{"班子成员逐一进行对照检查，相互提出意见，并明确了改进打算。",
			"Members of the leadership team examined themselves one by one, offered opinions to each other and set out plans for improvement."},
		{"会前，班子成员广泛征求意见，开展了谈心谈话；会上，大家逐一发言，坦诚相见。",
			"Before the meeting the team members collected opinions widely and held heart-to-heart talks; at the meeting everyone spoke in turn and frankly."},
	},
	"congress": {
		{"大会听取并审议了上一届委员会的工作报告，以无记名投票方式选举产生了新一届委员会。",
			"The assembly heard and reviewed the report of the previous committee and elected a new committee by secret ballot."},
		{"大会共收到选票{K}张，选举程序规范有序，新当选的委员随即召开第一次全体会议。",
			"{K} ballots were received, the election followed the rules, and the newly elected members held their first full meeting right after."},
	},
	"other": {
		{"活动中，全体党员重温入党誓词，{K}名优秀党员和先进个人受到表彰。",
			"During the event all party members renewed their oath of admission, and {K} outstanding members and advanced individuals were commended."},
		{"几位先进个人代表讲述了扎根岗位、帮助身边职工的经历，现场不时响起掌声。",
			"Several model representatives told how they stayed at their posts and helped the colleagues around them, drawing applause from the audience."},
	},
}

var (
	venues = []pair{
		{"本部三楼会议室", "the third-floor meeting room of the headquarters"},
		{"党员活动室", "the party members' activity room"},
		{"综合楼报告厅", "the lecture hall of the main building"},
		{"第一会议室", "Meeting Room No. 1"},
		{"党群服务中心多功能厅", "the multi-purpose hall of the community service center"},
	}
	attendees = []pair{
		{"党委委员、各党支部书记及支部委员", "members of the Party Committee, branch secretaries and branch committee members"},
		{"领导班子成员、中层干部和党员代表", "members of the leadership team, middle-level cadres and party member representatives"},
		{"全体党员", "all party members"},
		{"各部门负责人和基层党组织书记", "heads of departments and secretaries of primary party organizations"},
	}
	// Narrative frames mention a planted theme ({T}) without directing anything.
	themeNarrative = []pair{
		{"{T}取得了阶段性成效", "{T} has made steady progress"},
		{"围绕{T}开展了一系列工作", "a series of activities were carried out around {T}"},
		{"{T}是贯穿全年工作的一条主线", "{T} runs through the whole year's work"},
		{"在{T}方面积累了一批可复制的经验", "useful experience has been accumulated in {T}"},
		{"{T}的氛围日益浓厚", "the atmosphere of {T} is growing stronger"},
	}
	// Directive frames: a requirement item about a planted theme (family "theme:<id>").
	themeDirective = []pair{
		{"要持续深化{T}，推动各项部署落地见效", "it is necessary to keep deepening {T} so that every arrangement takes effect"},
		{"把{T}贯穿到日常工作全过程", "{T} must be carried through the whole course of daily work"},
		{"紧扣{T}细化年度任务清单，逐项明确时间节点", "the yearly task list should be broken down around {T}, with a deadline for every item"},
	}
	// Background sentences pad a report to a realistic length; none of them
	// names a theme or directs anything.
	background = []pair{
		{"会前，会务组认真做好材料准备和会务保障，各参会单位提前报送了书面材料。",
			"Before the meeting, the organizing staff prepared the materials and logistics carefully, and every participating unit submitted written materials in advance."},
		{"会议议程紧凑，发言内容充实，既有经验交流，也有问题剖析。",
			"The agenda was compact and the speeches substantial, combining exchanges of experience with analysis of problems."},
		{"与会人员认真听取发言，边听边记，现场气氛热烈。",
			"The participants listened carefully and took notes, and the atmosphere in the room was lively."},
		{"据了解，此类会议已连续举办多年，成为推动工作的固定做法。",
			"It is understood that such meetings have been held for several years in a row and have become a regular practice."},
		{"会议还通报了近期各项重点工作的完成情况，并对表现突出的集体和个人进行了通报表扬。",
			"The meeting also reported on the completion of recent key tasks and praised the collectives and individuals who performed well."},
		{"部分离退休老党员代表应邀列席会议，分享了自己的工作经历。",
			"Some retired veteran members were invited to sit in and shared their working experience."},
		{"会议全程采用线上线下相结合的方式进行，外地分支机构通过视频参会。",
			"The meeting was held both in person and online, and branch offices elsewhere joined by video."},
	}
	// Assessments follow the speaker's praise: statements, never directives.
	assessments = []pair{
		{"当前，各项工作任务依然繁重，机遇与挑战并存。",
			"At present the tasks remain heavy, and opportunities and challenges coexist."},
		{"一年来，各基层组织围绕年度目标主动作为，涌现出一批先进典型。",
			"Over the past year the primary organizations took the initiative around the annual goals, and a number of good examples emerged."},
		{"从检查情况看，多数单位制度执行到位，个别单位仍存在记录不全、跟进不细等情况。",
			"Inspections showed that most units applied the rules well, while a few still kept incomplete records or followed up loosely."},
		{"与往年相比，今年的会议更加注重解决实际问题。",
			"Compared with previous years, this year's meeting paid more attention to solving practical problems."},
		{"此前，各单位已围绕会议主题开展了调研，形成了书面报告。",
			"Beforehand, every unit had looked into the topic of the meeting and written a report on it."},
		{"大家一致认为，这些成绩的取得来之不易，凝聚了全体干部职工的心血。",
			"Everyone agreed that these results had been hard won and reflected the efforts of all staff."},
	}
	noThemeNarrative = pair{"过去一段时间以来，各项工作总体平稳有序，但也存在一些短板弱项",
		"work over the past period has been generally steady and orderly, though some weak spots remain"}
	praise = []pair{
		{"{ST}{S}在讲话中对前一阶段的工作给予充分肯定。", "In the speech, {ST} {S} fully affirmed the work of the previous stage."},
		{"{ST}{S}作总结讲话，认为大家的工作思路清晰、成效明显。", "{ST} {S} summed up, saying that the work had been clearly planned and had shown clear results."},
		{"{ST}{S}听取汇报后指出，过去一年的工作有亮点、有突破。", "After hearing the reports, {ST} {S} noted that the past year's work had highlights and breakthroughs."},
	}
	reqIntro = []pair{
		{"{S}就做好下一步工作提出{NZ}点要求：", "{S} put forward {NE} requirements for the next step: "},
		{"{S}强调：", "{S} stressed the following points: "},
		{"针对下一阶段工作，{S}提出明确要求：", "Regarding the next stage, {S} made clear requirements: "},
	}
	closings = []pair{
		{"与会人员纷纷表示，将以此次会议为新起点，把各项工作做细做实。", "The participants said they would take this meeting as a new starting point and do every task carefully."},
		{"会议在庄严的《国际歌》声中结束。", "The meeting ended with the singing of The Internationale."},
		{"此次会议的召开，为今后一个时期的工作理清了思路。", "The meeting clarified ideas for the work of the coming period."},
	}
	zhMarkers = [][]string{
		{"一是", "二是", "三是", "四是", "五是", "六是"},
		{"第一，", "第二，", "第三，", "第四，", "第五，", "第六，"},
		{"（一）", "（二）", "（三）", "（四）", "（五）", "（六）"},
	}
	enMarkers = [][]string{
		{"First, ", "second, ", "third, ", "fourth, ", "fifth, ", "sixth, "},
		{"First, ", "Second, ", "Third, ", "Fourth, ", "Fifth, ", "Sixth, "},
	}
	zhNumbers = []string{"零", "一", "两", "三", "四", "五", "六"}
	enNumbers = []string{"zero", "one", "two", "three", "four", "five", "six"}
)

// allTemplates lists every fixed fragment for Config.Validate.
func allTemplates() []string {
	var out []string
	add := func(ps ...pair) {
		for _, p := range ps {
			out = append(out, p.zh, p.en)
		}
	}
	for _, t := range []map[string][]pair{meetingNames, activities} {
		for _, ps := range t {
			add(ps...)
		}
	}
	add(venues...)
	add(attendees...)
	add(themeNarrative...)
	add(themeDirective...)
	add(background...)
	add(assessments...)
	add(noThemeNarrative)
	add(praise...)
	add(reqIntro...)
	add(closings...)
	for _, k := range orgKinds {
		for _, t := range k.titles {
			out = append(out, t[0], t[1])
		}
	}
	return out
}

// themeDirectives returns every directive item that can be written for a theme.
func themeDirectives(th PlantedTheme) []string {
	var out []string
	for _, f := range themeDirective {
		for _, t := range th.allTerms() {
			if isASCII(t) {
				out = append(out, strings.Replace(f.en, "{T}", t, 1))
			} else {
				out = append(out, strings.Replace(f.zh, "{T}", t, 1))
			}
		}
	}
	return out
}

// writer composes one article from the planted choices of a Doc.
type writer struct {
	r      *rand.Rand
	d      *Doc
	cfg    *Config
	orgs   []Org // the corpus's organisations, made once
	meet   time.Time
	lang   string // zh, en or mixed
	name   pair   // meeting name, chosen once for title and body
	approx bool   // attendance written as a lower bound
}

func (w *writer) itemLang() string {
	if w.lang == "zh" {
		return "zh"
	}
	return "en"
}

// items chooses the requirement items: planted recurring families at their
// rates, directives for some planted themes, distractors to fill up.
func (w *writer) items() {
	r, d := w.r, w.d
	il := w.itemLang()
	wording := func(p PlantedRequirement) string {
		if il == "zh" {
			return pick(r, p.ZH)
		}
		return pick(r, p.EN)
	}
	rate := func(p PlantedRequirement) float64 {
		if p.RateByYear != nil {
			return p.RateByYear[d.Year]
		}
		return p.Rate
	}
	for _, p := range w.cfg.Recurring {
		if r.Float64() < rate(p) && len(d.Items) < 4 {
			d.Items = append(d.Items, Item{Text: wording(p), Family: p.ID, Lang: il})
		}
	}
	for _, id := range d.Themes {
		if !w.themeDirective() || len(d.Items) >= 5 {
			continue
		}
		th := w.theme(id)
		f := pick(r, themeDirective)
		var text string
		if il == "zh" {
			text = strings.Replace(f.zh, "{T}", pick(r, th.Terms(w.meet, true)), 1)
		} else {
			text = strings.Replace(f.en, "{T}", pick(r, th.Terms(w.meet, false)), 1)
		}
		d.Items = append(d.Items, Item{Text: text, Family: "theme:" + id, Lang: il})
	}
	used := map[string]bool{}
	for _, it := range d.Items {
		used[it.Family] = true
	}
	for _, p := range w.cfg.Distractors {
		if r.Float64() < rate(p) && len(d.Items) < 6 {
			d.Items = append(d.Items, Item{Text: wording(p), Family: p.ID, Lang: il})
			used[p.ID] = true
		}
	}
	for len(d.Items) < 2 && len(used) < len(w.cfg.Distractors)+len(d.Items) && len(w.cfg.Distractors) > 0 {
		p := pick(r, w.cfg.Distractors)
		if used[p.ID] {
			continue
		}
		used[p.ID] = true
		d.Items = append(d.Items, Item{Text: wording(p), Family: p.ID, Lang: il})
	}
	r.Shuffle(len(d.Items), func(i, j int) { d.Items[i], d.Items[j] = d.Items[j], d.Items[i] })
}

// themeDirective draws whether a planted theme is also a requirement item.
func (w *writer) themeDirective() bool {
	switch p := w.cfg.ThemeDirectives; {
	case p < 0:
		return false
	case p == 0:
		return w.r.IntN(3) == 0
	default:
		return w.r.Float64() < p
	}
}

func (w *writer) theme(id string) *PlantedTheme {
	for i := range w.cfg.Themes {
		if w.cfg.Themes[i].ID == id {
			return &w.cfg.Themes[i]
		}
	}
	panic("gen: unknown theme " + id) // d.Themes only holds configured ids
}

func (w *writer) meetingName() pair {
	if w.name.zh != "" {
		return w.name
	}
	p := pick(w.r, meetingNames[w.d.Type])
	// The stated work year is the meeting's year: meetscan counts a report
	// for its period year first, and Truth counts it for Year, so the two
	// never differ (no January review of the previous year).
	period := w.d.Year
	if strings.Contains(p.zh, "{Y}") {
		w.d.PeriodYear = period
	}
	y := strconv.Itoa(period)
	fill := func(s string) string {
		s = strings.ReplaceAll(s, "{Y}", y)
		s = strings.ReplaceAll(s, "{M}", strconv.Itoa(int(w.meet.Month())))
		s = strings.ReplaceAll(s, "{MEN}", w.meet.Month().String())
		s = strings.ReplaceAll(s, "{NTH}", ordinal(w.d.Year-1921))
		return strings.ReplaceAll(s, "{N}", strconv.Itoa(w.d.Year-1921))
	}
	w.name = pair{fill(p.zh), fill(p.en)}
	return w.name
}

func (w *writer) title() string {
	n := w.meetingName()
	o := w.d.Org
	pz, _ := o.party()
	if w.lang == "en" {
		return o.EN + " Held " + titleCase(strings.TrimPrefix(strings.TrimPrefix(n.en, "the "), "a "))
	}
	verb := "召开"
	if w.d.Type == "other" {
		verb = "举办"
	}
	switch w.r.IntN(3) {
	case 0:
		return o.ZH + pz + verb + n.zh
	case 1:
		return o.ZH + verb + n.zh
	default:
		return o.ZH + "举行" + n.zh
	}
}

func (w *writer) author() string {
	zh, en := Person(uint64(w.r.Uint32()) + 1<<40)
	if w.lang == "en" {
		return en
	}
	return zh
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, wd := range words {
		if i > 0 && (wd == "of" || wd == "on" || wd == "and" || wd == "the" || wd == "a" || wd == "at" || wd == "for" || wd == "to") {
			continue
		}
		words[i] = strings.ToUpper(wd[:1]) + wd[1:]
	}
	return strings.Join(words, " ")
}

// body writes the paragraphs; seq makes every article's text unique (a
// bulletin number), so content-hash de-duplication never merges two.
func (w *writer) body(seq int) string {
	var b strings.Builder
	b.Grow(2600)
	switch w.lang {
	case "en":
		w.openingEN(&b)
		b.WriteByte('\n')
		w.activity(&b, false)
		w.narrative(&b, false)
		w.praise(&b, false)
		w.requirementsEN(&b)
		b.WriteString(pick(w.r, closings).en)
		b.WriteString("\n(Party Building Bulletin No. ")
		b.WriteString(strconv.Itoa(seq + 1))
		b.WriteString(". Submitted by: ")
		b.WriteString(w.d.author)
		b.WriteString(")")
	default:
		w.openingZH(&b)
		b.WriteByte('\n')
		w.activity(&b, true)
		w.narrative(&b, true)
		w.praise(&b, true)
		if w.lang == "mixed" {
			b.WriteString("English summary of the requirements: ")
			w.requirementsEN(&b)
		} else {
			w.requirementsZH(&b)
		}
		b.WriteString(pick(w.r, closings).zh)
		b.WriteString("\n（本文刊于《党建工作简报》第")
		b.WriteString(strconv.Itoa(seq + 1))
		b.WriteString("期，供稿：")
		b.WriteString(w.d.author)
		b.WriteString("）")
	}
	return b.String()
}

func (w *writer) openingZH(b *strings.Builder) {
	r, d := w.r, w.d
	m := w.meet
	if r.IntN(4) == 0 {
		b.WriteString(strconv.Itoa(m.Year()) + "年")
	}
	b.WriteString(strconv.Itoa(int(m.Month())) + "月" + strconv.Itoa(m.Day()) + "日")
	b.WriteString(pick(r, []string{"上午", "下午", ""}))
	b.WriteString("，")
	pz, _ := d.Org.party()
	b.WriteString(d.Org.ZH)
	if d.Type == "joint" {
		b.WriteString(pz + "与" + w.partner().ZH)
	} else {
		b.WriteString(pz)
	}
	verb := "召开"
	if d.Type == "other" {
		verb = "举办"
	}
	b.WriteString("在" + pick(r, venues).zh + verb + w.meetingName().zh + "。")
	att := pick(r, attendees).zh
	switch {
	case d.Attendance > 0 && !w.approx:
		b.WriteString(att + "共" + strconv.Itoa(d.Attendance) + "人参加会议。")
	case d.Attendance > 0:
		b.WriteString(att + "等" + strconv.Itoa(d.Attendance) + "余人参加会议。")
	default:
		b.WriteString(att + "参加会议。")
	}
	b.WriteString("会议由" + d.Presider.TitleZH + d.Presider.ZH + "主持。")
}

func (w *writer) openingEN(b *strings.Builder) {
	r, d := w.r, w.d
	m := w.meet
	b.WriteString("On the " + pick(r, []string{"morning", "afternoon"}) + " of " + m.Month().String() + " " + strconv.Itoa(m.Day()))
	if r.IntN(4) == 0 {
		b.WriteString(", " + strconv.Itoa(m.Year()))
	}
	_, pe := d.Org.party()
	b.WriteString(", the " + pe + " of " + d.Org.EN)
	if d.Type == "joint" {
		b.WriteString(" and " + w.partner().EN)
	}
	b.WriteString(" held " + w.meetingName().en + " in " + pick(r, venues).en + ". ")
	att := pick(r, attendees).en
	switch {
	case d.Attendance > 0 && !w.approx:
		b.WriteString(strconv.Itoa(d.Attendance) + " people, including " + att + ", attended the meeting. ")
	case d.Attendance > 0:
		b.WriteString("More than " + strconv.Itoa(d.Attendance) + " people, including " + att + ", attended the meeting. ")
	default:
		b.WriteString(strings.ToUpper(att[:1]) + att[1:] + " attended the meeting. ")
	}
	b.WriteString(d.Presider.TitleEN + " " + d.Presider.EN + " presided over the meeting.")
}

// partner is the other organisation of a joint meeting.
func (w *writer) partner() *Org {
	orgs := w.orgs
	if len(orgs) == 1 {
		return w.d.Org
	}
	for {
		o := &orgs[w.r.IntN(len(orgs))]
		if o.ZH != w.d.Org.ZH {
			return o
		}
	}
}

func (w *writer) fillActivity(s string, zh bool) string {
	d := w.d
	s = strings.ReplaceAll(s, "{K}", strconv.Itoa(3+w.r.IntN(9)))
	if zh {
		s = strings.ReplaceAll(s, "{S}", d.Speaker.TitleZH+d.Speaker.ZH)
		s = strings.ReplaceAll(s, "{P}", "兄弟单位")
	} else {
		s = strings.ReplaceAll(s, "{S}", d.Speaker.TitleEN+" "+d.Speaker.EN)
		s = strings.ReplaceAll(s, "{P}", "the partner unit")
	}
	return s
}

// activity describes what happened: both sentences of the meeting type,
// in either order, then three background sentences.
func (w *writer) activity(b *strings.Builder, zh bool) {
	acts := activities[w.d.Type]
	first := w.r.IntN(len(acts))
	// Three distinct background sentences: a random start and two steps.
	i := w.r.IntN(len(background))
	j, k := (i+1+w.r.IntN(2))%len(background), (i+3+w.r.IntN(2))%len(background)
	for n, p := range []pair{acts[first], acts[(first+1)%len(acts)], background[i], background[j], background[k]} {
		if zh {
			b.WriteString(w.fillActivity(p.zh, true))
			continue
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.fillActivity(p.en, false))
	}
	b.WriteByte('\n')
}

func (w *writer) narrative(b *strings.Builder, zh bool) {
	r, d := w.r, w.d
	if zh {
		b.WriteString("会议指出，")
	} else {
		b.WriteString("The meeting pointed out that ")
	}
	if len(d.Themes) == 0 {
		if zh {
			b.WriteString(noThemeNarrative.zh + "。")
		} else {
			b.WriteString(noThemeNarrative.en + ".")
		}
		b.WriteByte('\n')
		return
	}
	for i, id := range d.Themes {
		th := w.theme(id)
		f := pick(r, themeNarrative)
		if zh {
			if i > 0 {
				b.WriteString("；")
			}
			b.WriteString(strings.Replace(f.zh, "{T}", pick(r, th.Terms(w.meet, true)), 1))
		} else {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(strings.Replace(f.en, "{T}", pick(r, th.Terms(w.meet, false)), 1))
		}
	}
	if zh {
		b.WriteString("。\n")
	} else {
		b.WriteString(".\n")
	}
}

// praise writes the speaker's assessment of past work: praise, then two
// assessments.
func (w *writer) praise(b *strings.Builder, zh bool) {
	p := pick(w.r, praise)
	d := w.d
	i, j := w.r.IntN(len(assessments)), w.r.IntN(len(assessments)-1)
	if j >= i {
		j++
	}
	if zh {
		s := strings.ReplaceAll(p.zh, "{ST}", d.Speaker.TitleZH)
		b.WriteString(strings.ReplaceAll(s, "{S}", d.Speaker.ZH))
		b.WriteString(assessments[i].zh + assessments[j].zh)
	} else {
		s := strings.ReplaceAll(p.en, "{ST}", d.Speaker.TitleEN)
		b.WriteString(strings.ReplaceAll(s, "{S}", d.Speaker.EN))
		b.WriteString(" " + assessments[i].en + " " + assessments[j].en)
	}
	b.WriteByte('\n')
}

func (w *writer) requirementsZH(b *strings.Builder) {
	d := w.d
	n := len(d.Items)
	if n == 0 {
		return
	}
	intro := pick(w.r, reqIntro).zh
	intro = strings.ReplaceAll(intro, "{S}", d.Speaker.ZH)
	b.WriteString(strings.ReplaceAll(intro, "{NZ}", zhNumbers[n]))
	marks := pick(w.r, zhMarkers)
	for i, it := range d.Items {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(marks[i])
		b.WriteString(it.Text)
	}
	b.WriteString("。\n")
}

func (w *writer) requirementsEN(b *strings.Builder) {
	d := w.d
	n := len(d.Items)
	if n == 0 {
		return
	}
	intro := pick(w.r, reqIntro).en
	intro = strings.ReplaceAll(intro, "{S}", d.Speaker.EN)
	b.WriteString(strings.ReplaceAll(intro, "{NE}", enNumbers[n]))
	marks := pick(w.r, enMarkers)
	sep := "; "
	if marks[1] == "Second, " {
		sep = ". "
	}
	for i, it := range d.Items {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(marks[i])
		b.WriteString(it.Text)
	}
	b.WriteString(".\n")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ordinal writes 98th, 101st, 102nd, 103rd, 111th.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
