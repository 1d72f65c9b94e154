<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>An unexpected error happened: {0}
What was recorded is saved. The details are in {1}; please pass them on to support.</source>
        <translation>发生了意外错误：{0}
已记录的内容均已保存。详细信息在 {1}，请转交技术支持。</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>Emergency Desk</source>
        <translation>应急处置台</translation>
    </message>
    <message>
        <source>(hall not set)</source>
        <translation>（未设置营业厅）</translation>
    </message>
    <message>
        <source>(desk not set)</source>
        <translation>（未设置服务台）</translation>
    </message>
    <message>
        <source>On duty: {0}</source>
        <translation>当班：{0}</translation>
    </message>
    <message>
        <source>nobody chosen</source>
        <translation>未选择</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>The plan files have errors</source>
        <translation>预案文件有错误</translation>
    </message>
    <message>
        <source>The desk cannot start until the plan files are corrected. Each line below names the file, the line and the problem.</source>
        <translation>预案文件改正之前，处置台无法启动。下面每一行写明了文件、行号和问题。</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>无法使用该数据库</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Emergency Desk</source>
        <translation>应急处置台</translation>
    </message>
</context>
<context>
    <name>PlanHtml</name>
    <message>
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 小时 {1} 分钟</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>from the start of the incident</source>
        <translation>自事件发生起计</translation>
    </message>
    <message>
        <source>after handling is finished</source>
        <translation>自处置完成起计</translation>
    </message>
    <message>
        <source>when marked: {0}</source>
        <translation>标记“{0}”时起计</translation>
    </message>
    <message>
        <source>after “{0}” is done</source>
        <translation>“{0}”完成后起计</translation>
    </message>
    <message>
        <source>if “{0}” is not done in time</source>
        <translation>“{0}”超时未完成时起计</translation>
    </message>
    <message>
        <source>workdays {0}, holidays {1}</source>
        <translation>工作日 {0}，节假日 {1}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>If missed:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <source>Switch to the plan: {0}</source>
        <translation>转入预案：{0}</translation>
    </message>
    <message>
        <source>Default level</source>
        <translation>默认级别</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处置步骤</translation>
    </message>
    <message>
        <source>What to say</source>
        <translation>沟通话术</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Supplies at hand</source>
        <translation>备用物资</translation>
    </message>
    <message>
        <source>Where the documents differ</source>
        <translation>各预案的差异</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation>{0} 个步骤</translation>
    </message>
    <message>
        <source>Levels and reporting deadlines</source>
        <translation>事件分级与报告时限</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>判定标准</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>随后</translation>
    </message>
    <message>
        <source>Aftercare required to close</source>
        <translation>结案须完成的善后</translation>
    </message>
    <message>
        <source>General requirements</source>
        <translation>通用要求</translation>
    </message>
    <message>
        <source>Principles</source>
        <translation>处置原则</translation>
    </message>
    <message>
        <source>First actions on site</source>
        <translation>现场先期处置</translation>
    </message>
    <message>
        <source>A report states</source>
        <translation>报告应说明</translation>
    </message>
    <message>
        <source>Aftercare</source>
        <translation>善后处理</translation>
    </message>
    <message>
        <source>Prevention and preparation</source>
        <translation>预防与准备</translation>
    </message>
    <message>
        <source>Revise the plans every {0} months</source>
        <translation>预案每 {0} 个月修订一次</translation>
    </message>
    <message>
        <source>Training every {0} months</source>
        <translation>每 {0} 个月组织一次培训</translation>
    </message>
    <message>
        <source>A drill at least every {0} months</source>
        <translation>至少每 {0} 个月组织一次演练</translation>
    </message>
    <message>
        <source>Plan upkeep</source>
        <translation>预案管理</translation>
    </message>
    <message>
        <source>version {0}, revised {1}</source>
        <translation>版本 {0}，修订于 {1}</translation>
    </message>
    <message>
        <source>Roles and outside numbers</source>
        <translation>角色与外部电话</translation>
    </message>
    <message>
        <source>Source documents</source>
        <translation>来源文件</translation>
    </message>
</context>
<context>
    <name>PlansBrowser</name>
    <message>
        <source>Search the plans (name, step, script)</source>
        <translation>搜索预案（名称、步骤、话术）</translation>
    </message>
    <message>
        <source>Levels and reporting deadlines</source>
        <translation>事件分级与报告时限</translation>
    </message>
    <message>
        <source>General requirements</source>
        <translation>通用要求</translation>
    </message>
    <message>
        <source>Roles and outside numbers</source>
        <translation>角色与外部电话</translation>
    </message>
    <message>
        <source>Source documents</source>
        <translation>来源文件</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>This screen comes with a later version of Emergency Desk.</source>
        <translation>此页面将在应急处置台的后续版本中提供。</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>应急处置</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件记录</translation>
    </message>
    <message>
        <source>Timers</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation>营业厅名称</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>服务台名称</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <source>Alarm sound</source>
        <translation>报警声音</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时生效。</translation>
    </message>
</context>
</TS>