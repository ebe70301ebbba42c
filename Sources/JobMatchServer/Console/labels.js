// Chinese words for the API's codes (../shared/spec/glossary.md). Codes stay English in the API.

export const DISTRICTS = {
  "500101": "万州区",
  "500102": "涪陵区",
  "500103": "渝中区",
  "500104": "大渡口区",
  "500105": "江北区",
  "500106": "沙坪坝区",
  "500107": "九龙坡区",
  "500108": "南岸区",
  "500109": "北碚区",
  "500110": "綦江区",
  "500111": "大足区",
  "500112": "渝北区",
  "500113": "巴南区",
  "500114": "黔江区",
  "500115": "长寿区",
  "500116": "江津区",
  "500117": "合川区",
  "500118": "永川区",
  "500119": "南川区",
  "500120": "璧山区",
  "500151": "铜梁区",
  "500152": "潼南区",
  "500153": "荣昌区",
  "500154": "开州区",
  "500155": "梁平区",
  "500156": "武隆区",
  "500229": "城口县",
  "500230": "丰都县",
  "500231": "垫江县",
  "500233": "忠县",
  "500235": "云阳县",
  "500236": "奉节县",
  "500237": "巫山县",
  "500238": "巫溪县",
  "500240": "石柱土家族自治县",
  "500241": "秀山土家族苗族自治县",
  "500242": "酉阳土家族苗族自治县",
  "500243": "彭水苗族土家族自治县",
};

export const GROUPS = {
  registered_unemployed: "登记失业人员",
  long_term_unemployed: "长期失业人员",
  older_worker: "大龄人员",
  disabled: "持证残疾人",
  zero_employment_household: "零就业家庭成员",
  low_income: "低保对象/低收入人口",
  poverty_alleviated: "脱贫人口",
  stay_at_home_parent: "居家育儿人员",
  graduate: "离校未就业高校毕业生",
};

export const STATUS = { seeking: "求职中", employed: "已就业", inactive: "暂停服务" };
export const GENDER = { F: "女", M: "男" };
export const EDUCATION = {
  none: "未上学", primary: "小学", junior_high: "初中", senior_high: "高中", vocational: "中专/技校",
  college: "大专", bachelor: "本科", postgraduate: "研究生",
};
export const INTENT = { active: "就业意愿强", uncertain: "慢就业、意向不明", entrepreneurial: "有创业需求" };
export const CAPACITY = { full: "完全劳动能力", partial: "部分劳动能力", limited: "有限劳动能力" };
export const JOB_TYPES = { full_time: "全职", part_time: "兼职", gig: "零工", public_welfare: "公益性岗位", self_employment: "自主创业" };
export const SCHEDULES = { day: "白班", evening: "晚班", night: "夜班", weekend: "周末", flexible: "弹性时间" };
export const TAGS = { age_friendly: "适老化", disability_friendly: "残疾人友好", doorstep: "家门口", flexible: "灵活" };
export const DISABILITY = { visual: "视力残疾", hearing: "听力残疾", speech: "言语残疾", physical: "肢体残疾", intellectual: "智力残疾", mental: "精神残疾" };
export const WAGE_UNITS = { month: "月", day: "日", hour: "小时", piece: "件" };
export const EVENTS = {
  recommended: "岗位推介", viewed: "已查看", applied: "已投递", interviewed: "已面试", hired: "已录用",
  rejected: "未通过", declined: "已婉拒", retained_3m: "稳定就业满3个月", separated: "已离职",
};
/// The outcomes a caseworker records from the list with one click.
export const OUTCOMES = ["applied", "interviewed", "hired", "declined"];
export const ROLES = { operator: "运营人员", caseworker: "就业服务专员", evaluator: "评估人员" };
export const ATTENTION = {
  zero_employment_household: "零就业家庭，未动态清零",
  no_fitting_opening: "暂无合适岗位",
  unanswered_pushes: "推送久未回应",
  new_registration: "新登记，尚未推介",
  none: "正常跟进",
  not_seeking: "非求职状态",
};

/// Field paths of the interchange applicant, for error messages next to the form.
export const FIELDS = {
  status: "状态", intent: "就业意愿", work_capacity: "劳动能力", education: "文化程度", skills: "技能",
  certificates: "证书", profile_text: "情况说明", "preferences.job_types": "意向岗位类型",
  "preferences.min_monthly_wage": "期望月薪", "preferences.max_commute_km": "通勤上限",
  "preferences.schedule": "班次", "preferences.occupations": "意向职业", updated_at: "更新时间",
};

export function label(table, code) {
  return table[code] ?? code;
}

export function districtName(code) {
  return DISTRICTS[code] ?? code;
}
// Interchange 1.1: the kinds of services.jsonl, with the notice's terms (shared/spec/glossary.md).
export const SERVICE_KINDS = {
  referral: "岗位推介", job_fair: "定向小规模招聘会", guidance: "职业指导", training_enrolled: "技能培训（报名）",
  training_completed: "技能培训（结业）", entrepreneurship: "创业指导", immediate_help: "即时岗位援助",
  public_welfare_placement: "公益性岗位安置", follow_up: "回访 / 跟踪服务", policy: "政策兑现", counseling: "心理疏导",
};
