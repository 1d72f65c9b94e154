<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionsPanel</name>
    <message>
        <source>What is to be corrected</source>
        <translation>整改内容</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due by, YYYY-MM-DD</source>
        <translation>完成期限，如 2026-12-31</translation>
    </message>
    <message>
        <source>Add the action</source>
        <translation>添加整改措施</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Evidence: what shows it is done</source>
        <translation>佐证：完成的证明材料</translation>
    </message>
    <message>
        <source>Mark the selected action done</source>
        <translation>所选整改措施已完成</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>No. {0} · {1}</source>
        <translation>第 {0} 号 · {1}</translation>
    </message>
    <message>
        <source>Write an evaluation first: actions come from one.</source>
        <translation>请先填写演练评估：整改措施来自评估。</translation>
    </message>
    <message>
        <source>Action added.</source>
        <translation>已添加整改措施。</translation>
    </message>
    <message>
        <source>Choose an action first.</source>
        <translation>请先选择一项整改措施。</translation>
    </message>
    <message>
        <source>Marked done.</source>
        <translation>已记为完成。</translation>
    </message>
    <message>
        <source>Write what is to be corrected.</source>
        <translation>请填写整改内容。</translation>
    </message>
    <message>
        <source>Name who is responsible.</source>
        <translation>请填写责任人。</translation>
    </message>
    <message>
        <source>The date is not a real day: write it as 2026-11-20.</source>
        <translation>日期无效：请按 2026-11-20 的格式填写。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期在今天之后。</translation>
    </message>
    <message>
        <source>This action is already done; it is done once.</source>
        <translation>此整改措施已完成，不能重复完成。</translation>
    </message>
    <message>
        <source>This action is no longer there.</source>
        <translation>此整改措施已不存在。</translation>
    </message>
    <message>
        <source>That evaluation is not there.</source>
        <translation>该评估不存在。</translation>
    </message>
    <message>
        <source>A field is too long: shorten it.</source>
        <translation>有一项内容过长，请删减。</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Acknowledge (stop the alarm)</source>
        <translation>确认（停止报警）</translation>
    </message>
    <message>
        <source>{0} ({1}) decision point reached {2} ago</source>
        <translation>{0}（{1}）已到决策点 {2}</translation>
    </message>
    <message>
        <source>{0} ({1}) overdue {2}</source>
        <translation>{0}（{1}）已超时 {2}</translation>
    </message>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>Decide: </source>
        <translation>请决定：</translation>
    </message>
    <message>
        <source>⚠ Missed: </source>
        <translation>⚠ 超时：</translation>
    </message>
    <message>
        <source> and {0} more</source>
        <translation> 等，另有 {0} 项</translation>
    </message>
</context>
<context>
    <name>AlarmSound</name>
    <message>
        <source>No audio player was found (pw-play, paplay, aplay or afplay): the alarm can only beep.</source>
        <translation>未找到音频播放程序（pw-play、paplay、aplay 或 afplay）：报警只能蜂鸣。</translation>
    </message>
    <message>
        <source>The alarm sound could not be played ({0}): the alarm beeps instead.</source>
        <translation>报警声无法播放（{0}）：改为蜂鸣。</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Correct a closed record</source>
        <translation>更正已结案的记录</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>更正理由（必填）</translation>
    </message>
    <message>
        <source>The record stays as it was closed; the correction is added beside it with your name and the time.</source>
        <translation>记录保持结案时的内容；更正将连同您的姓名和时间附在其后。</translation>
    </message>
</context>
<context>
    <name>ApprovalPanel</name>
    <message>
        <source>Manager who signs (签发人)</source>
        <translation>签发人（管理层）</translation>
    </message>
    <message>
        <source>1. Submit for approval</source>
        <translation>1. 提交审批</translation>
    </message>
    <message>
        <source>2. Approve and sign</source>
        <translation>2. 审批签发</translation>
    </message>
    <message>
        <source>3. Publish</source>
        <translation>3. 发布</translation>
    </message>
    <message>
        <source>Withdraw to edit again</source>
        <translation>撤回，继续修改</translation>
    </message>
    <message>
        <source>Discard the draft…</source>
        <translation>放弃草稿…</translation>
    </message>
    <message>
        <source>Bring up to date with the program's plans…</source>
        <translation>按程序随附的新预案更新…</translation>
    </message>
    <message>
        <source>Version label of the draft</source>
        <translation>草稿版本号</translation>
    </message>
    <message>
        <source>Revised on</source>
        <translation>修订日期</translation>
    </message>
    <message>
        <source>by the editor named at the top; then management approves it.</source>
        <translation>以上方“修改人”的名义提交，再由管理层审批签发。</translation>
    </message>
    <message>
        <source>signed on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>the desk runs it from its next start; incidents keep the version they ran.</source>
        <translation>处置台下次启动起按此版本运行；已有事件保留其所用版本。</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <source>Not carried over by the update ({0}) — decide each, and change it in the editor where the hall still wants it:</source>
        <translation>更新时未能沿用的修改（{0} 处）——请逐条决定，本厅仍需要的请在编辑器中修改：</translation>
    </message>
    <message>
        <source>No draft is open: the desk runs the plans in use. Start a draft (at the top) to change them.</source>
        <translation>没有打开的草稿：处置台按现行预案运行。要修改预案，请先在上方开始草稿。</translation>
    </message>
    <message>
        <source>Draft #{0}, {1} — started {2} by {3} from version {4}.</source>
        <translation>草稿 #{0}，{1}——{2} 由 {3} 以版本 {4} 为底稿开始。</translation>
    </message>
    <message>
        <source>This draft was started from version {0}, which the desk no longer runs or builds on (plans were published or shipped with the program since): it cannot be published. Bring it up to date — its changes are carried over where they still apply — or discard it.</source>
        <translation>此草稿始于版本 {0}，处置台已不再运行或以其为基础（此后已有预案发布，或程序随附了新预案）：不能发布。请将其更新（其修改在仍适用处沿用），或放弃此草稿。</translation>
    </message>
    <message>
        <source>This draft was opened from the program's plans version {0}: check what was not carried over, give it a version label of its own, then submit it.</source>
        <translation>此草稿取自程序随附的预案版本 {0}：请核对未能沿用的修改，给它一个自己的版本号，然后提交。</translation>
    </message>
    <message>
        <source>The program ships plans version {0}, newer than version {1} the hall's plans were built on. Bring them up to date: a new draft from the program's plans, with the hall's changes carried over where they still apply.</source>
        <translation>程序随附的预案版本 {0} 比本厅预案所基于的版本 {1} 新。请更新：以程序随附的预案开一份新草稿，本厅的修改在仍适用处沿用。</translation>
    </message>
    <message>
        <source>the program's plans now say: {0}</source>
        <translation>程序随附的预案现为：{0}</translation>
    </message>
    <message>
        <source>that place is no longer in the program's plans</source>
        <translation>程序随附的预案中已没有此处</translation>
    </message>
    <message>
        <source>the plans would have a problem: {0}</source>
        <translation>预案将出现问题：{0}</translation>
    </message>
    <message>
        <source>{0}: the hall changed “{1}” to “{2}”; {3}</source>
        <translation>{0}：本厅曾将“{1}”改为“{2}”；{3}</translation>
    </message>
    <message>
        <source>{0}  {1} {2} version {3}</source>
        <translation>{0}  {1} {2} 版本 {3}</translation>
    </message>
    <message>
        <source> · signed by {0} {1}</source>
        <translation> · 签发人 {0} {1}</translation>
    </message>
    <message>
        <source>Submitted. Management now approves and signs it (step 2).</source>
        <translation>已提交。请管理层审批签发（第 2 步）。</translation>
    </message>
    <message>
        <source>Approved and signed by {0}. Publish it to make it the desk's plans (step 3).</source>
        <translation>已由 {0} 审批签发。发布后即成为处置台的预案（第 3 步）。</translation>
    </message>
    <message>
        <source>Publish the draft?</source>
        <translation>发布此草稿？</translation>
    </message>
    <message>
        <source>The approved draft becomes the hall's plans: the desk runs it from its next start. Incidents keep the version they ran.</source>
        <translation>已签发的草稿将成为本厅的预案：处置台下次启动起按它运行。已有事件保留其所用版本。</translation>
    </message>
    <message>
        <source>Published: version {0}. The desk runs it once it starts again; incidents keep the version they ran.</source>
        <translation>已发布：版本 {0}。处置台重新启动后即按此版本运行；已有事件保留其所用版本。</translation>
    </message>
    <message>
        <source>Withdrawn: the draft can be edited again; it must be submitted and approved again.</source>
        <translation>已撤回：草稿可以继续修改，之后须重新提交并审批。</translation>
    </message>
    <message>
        <source>Bring the hall's plans up to date?</source>
        <translation>更新本厅的预案？</translation>
    </message>
    <message>
        <source>A new draft is opened from the plans shipped with the program. The hall's recorded changes are carried over where the text they changed is still there; the others are listed for you to decide. A draft now open is discarded, its changes carried over. The desk runs the plans in use until the new draft is published.</source>
        <translation>将以程序随附的预案开一份新草稿。本厅记录在案的修改，在所改内容仍在之处沿用；其余的列出，由您决定。当前打开的草稿将被放弃，其修改一并沿用。在新草稿发布前，处置台仍运行现用预案。</translation>
    </message>
    <message>
        <source>Draft #{0} opened from the program's plans: the hall's changes are carried over where they still apply, {1} not (listed above). Give it a version label of its own, then submit it.</source>
        <translation>已从程序随附的预案开出草稿 #{0}：本厅的修改在仍适用处已沿用，{1} 处未能沿用（见上）。请给它一个自己的版本号，然后提交。</translation>
    </message>
    <message>
        <source>Discard the draft?</source>
        <translation>放弃此草稿？</translation>
    </message>
    <message>
        <source>The draft and its changes are given up (the record of them stays); the plans in use do not change.</source>
        <translation>放弃草稿及其修改（修改记录保留）；现行预案不变。</translation>
    </message>
    <message>
        <source>The draft is discarded; the plans in use did not change.</source>
        <translation>草稿已放弃；现行预案未变。</translation>
    </message>
</context>
<context>
    <name>BoardCards</name>
    <message>
        <source>No incident is running in the hall.</source>
        <translation>本厅没有进行中的事件。</translation>
    </message>
    <message>
        <source>{0}'s clock is {1} min ahead of the hub</source>
        <translation>{0} 时钟比服务器快 {1} 分钟</translation>
    </message>
    <message>
        <source>{0}'s clock is {1} min behind the hub</source>
        <translation>{0} 时钟比服务器慢 {1} 分钟</translation>
    </message>
</context>
<context>
    <name>BoardEnrolForm</name>
    <message>
        <source>Emergency Desk — hall board</source>
        <translation>应急处置台 — 大厅看板</translation>
    </message>
    <message>
        <source>Enrol this PC as the hall's board</source>
        <translation>将本机登记为大厅看板</translation>
    </message>
    <message>
        <source>Ask whoever runs the hall hub for a board's code (main.py hub code --kind board).</source>
        <translation>请向管理大厅服务器的人员索取看板登记码（main.py hub code --kind board）。</translation>
    </message>
    <message>
        <source>Duty office board</source>
        <translation>值班室看板</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <source>Board name</source>
        <translation>看板名称</translation>
    </message>
    <message>
        <source>Fill in the hub's address, the code and the board's name.</source>
        <translation>请填写服务器地址、登记码和看板名称。</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <source>The code is unknown, used or expired: ask for a new one.</source>
        <translation>登记码无效、已使用或已过期：请索取新的登记码。</translation>
    </message>
    <message>
        <source>The hub could not be reached: check the address and that the hub runs.</source>
        <translation>连不上服务器：请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>That is not a hub's address: write it as http://HOST:PORT.</source>
        <translation>这不是服务器地址：请写成 http://主机:端口。</translation>
    </message>
    <message>
        <source>The hub refused: {0}</source>
        <translation>服务器拒绝：{0}</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <source>Emergency Desk — hall board</source>
        <translation>应急处置台 — 大厅看板</translation>
    </message>
    <message>
        <source>Hall board</source>
        <translation>大厅看板</translation>
    </message>
    <message>
        <source>Silence here (not recorded)</source>
        <translation>本机静音（不记录）</translation>
    </message>
    <message>
        <source>{0} NOT RESPONDING: {1} ({2}) was due</source>
        <translation>{0} 无响应：{1}（{2}）已到期</translation>
    </message>
    <message>
        <source>{0}: {1} ({2}) missed</source>
        <translation>{0}：{1}（{2}）超时</translation>
    </message>
    <message>
        <source>⚠ </source>
        <translation>⚠ </translation>
    </message>
    <message>
        <source> and {0} more</source>
        <translation> 等，另有 {0} 项</translation>
    </message>
    <message>
        <source>connecting to the hub…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>hub connected</source>
        <translation>已连接服务器</translation>
    </message>
    <message>
        <source>hub unreachable: showing what it last said</source>
        <translation>服务器连不上：显示的是最后收到的情况</translation>
    </message>
    <message>
        <source>the hub refused this board: enrol it again</source>
        <translation>服务器拒绝了本看板：请重新登记</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>Rule</source>
        <translation>规定</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Met on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>later</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>no kind of hall chosen</source>
        <translation>未选择大厅类型</translation>
    </message>
    <message>
        <source>Rules of this hall ({0}). Due now: {1}</source>
        <translation>本厅（{0}）的培训演练要求。当前到期：{1}</translation>
    </message>
    <message>
        <source>Rules of this hall ({0}): nothing due now.</source>
        <translation>本厅（{0}）的培训演练要求：当前无到期事项。</translation>
    </message>
    <message>
        <source>Corrective actions past their date: {0}</source>
        <translation>逾期未完成的整改措施：{0}</translation>
    </message>
</context>
<context>
    <name>CallForm</name>
    <message>
        <source>Incoming call</source>
        <translation>来电登记</translation>
    </message>
    <message>
        <source>What the caller said or asked (required)</source>
        <translation>来电内容：对方说了什么、要求什么（必填）</translation>
    </message>
    <message>
        <source>What was done or decided (optional)</source>
        <translation>已如何处理、领导批示（可不填）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save call</source>
        <translation>保存来电</translation>
    </message>
    <message>
        <source>Today's calls</source>
        <translation>今日来电</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Time of the call</source>
        <translation>来电时间</translation>
    </message>
    <message>
        <source>Caller's unit</source>
        <translation>来电单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>来电内容</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <source>Also told (who, when)</source>
        <translation>已告知（何人、何时）</translation>
    </message>
    <message>
        <source>About incident</source>
        <translation>关联事件</translation>
    </message>
    <message>
        <source>(not about an incident)</source>
        <translation>（与事件无关）</translation>
    </message>
    <message>
        <source>The call typed before was kept: it is shown again.</source>
        <translation>上次未保存的来电已恢复显示。</translation>
    </message>
    <message>
        <source>Also told</source>
        <translation>已告知</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>晚于当前时间</translation>
    </message>
    <message>
        <source>is more than 7 days ago</source>
        <translation>早于 7 天前</translation>
    </message>
    <message>
        <source>is before the call</source>
        <translation>早于来电时间</translation>
    </message>
    <message>
        <source>lists too many people</source>
        <translation>人数过多</translation>
    </message>
    <message>
        <source>no longer exists</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <source>Not saved: {0}.</source>
        <translation>未保存：{0}。</translation>
    </message>
</context>
<context>
    <name>CategoryPage</name>
    <message>
        <source>← Back  Esc</source>
        <translation>← 返回  Esc</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>原内容</translation>
    </message>
    <message>
        <source>Changed to</source>
        <translation>改为</translation>
    </message>
</context>
<context>
    <name>ClerkDialog</name>
    <message>
        <source>Who is on duty?</source>
        <translation>谁在当班？</translation>
    </message>
    <message>
        <source>Another name</source>
        <translation>其他姓名</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>上岗</translation>
    </message>
    <message>
        <source>Nobody is on duty. Choose your name first: every incident is recorded with the clerk who started it.</source>
        <translation>尚无当班人员。请先选择您的姓名：每起事件都会记录由谁启动。</translation>
    </message>
    <message>
        <source>Choose the clerk on duty; every action is recorded with this name.</source>
        <translation>请选择当班人员；每一项操作都会以此姓名记录。</translation>
    </message>
    <message>
        <source>Shift handover…</source>
        <translation>交接班…</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>Close the desk?</source>
        <translation>关闭应急处置台？</translation>
    </message>
    <message>
        <source>{0} incident(s) running, {1} deadline(s) open. A closed desk rings no alarm: nothing is heard until it is opened again. Minimise it instead?</source>
        <translation>{0} 起事件正在处置，{1} 项时限未完成。关闭后不会再报警：直到重新打开之前什么都听不到。改为最小化吗？</translation>
    </message>
    <message>
        <source>Minimise (keep watching)</source>
        <translation>最小化（继续监视）</translation>
    </message>
    <message>
        <source>Quit all the same</source>
        <translation>仍然退出</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>不关闭</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新增联系人</translation>
    </message>
    <message>
        <source>Other (no plan role)</source>
        <translation>其他（不属于预案角色）</translation>
    </message>
    <message>
        <source>Reachable 24 hours</source>
        <translation>24小时可联络</translation>
    </message>
    <message>
        <source>Outside number (not our staff)</source>
        <translation>外部号码（非本单位人员）</translation>
    </message>
    <message>
        <source>e.g. weekdays 8:30-17:30; nights: duty phone</source>
        <translation>如：工作日 8:30-17:30；夜间打值班电话</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role in the plans</source>
        <translation>预案角色</translation>
    </message>
    <message>
        <source>Organisation / department</source>
        <translation>单位 / 部门</translation>
    </message>
    <message>
        <source>Phone {0}</source>
        <translation>电话 {0}</translation>
    </message>
    <message>
        <source>On duty (hours, duty phone)</source>
        <translation>值班说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete this contact</source>
        <translation>删除此联系人</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000, 0755-1234567 ext 123, 95598</source>
        <translation>如 138 0013 8000、0755-1234567 转 123、95598</translation>
    </message>
</context>
<context>
    <name>ContactRow</name>
    <message>
        <source>24 hours</source>
        <translation>24小时</translation>
    </message>
    <message>
        <source>Outside</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>Number to fill in</source>
        <translation>待填写号码</translation>
    </message>
    <message>
        <source>On duty: {0}</source>
        <translation>值班：{0}</translation>
    </message>
    <message>
        <source>(role “{0}” is no longer in the plans)</source>
        <translation>（原角色“{0}”已不在预案中）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>Enter a number.</source>
        <translation>请填写号码。</translation>
    </message>
    <message>
        <source>The number is too long.</source>
        <translation>号码太长。</translation>
    </message>
    <message>
        <source>Excel turned this number into 1.38E+10 and its digits are lost. Set the column to Text in Excel and export again.</source>
        <translation>号码被 Excel 变成了科学计数法（如 1.38E+10），数字已丢失。请在 Excel 中把该列设为“文本”后重新导出。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits, e.g. 138 0013 8000.</source>
        <translation>手机号应为 11 位数字，例如 138 0013 8000。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19, e.g. 138 0013 8000.</source>
        <translation>手机号应以 13～19 开头，例如 138 0013 8000。</translation>
    </message>
    <message>
        <source>Add the area code to a landline, e.g. 010-12345678 or 0755-1234567.</source>
        <translation>固定电话请加区号，例如 010-12345678 或 0755-1234567。</translation>
    </message>
    <message>
        <source>Wrong number of digits: after the area code come 7 or 8 digits, e.g. 010-12345678, 0755-1234567 ext 123.</source>
        <translation>位数不对：区号后应为 7～8 位号码，例如 010-12345678、0755-1234567 转 123。</translation>
    </message>
    <message>
        <source>The area code is wrong, e.g. 010 for Beijing, 0755 for Shenzhen.</source>
        <translation>区号不对，例如北京 010、深圳 0755。</translation>
    </message>
    <message>
        <source>A mobile number has no extension.</source>
        <translation>手机号不能带分机号。</translation>
    </message>
    <message>
        <source>Only numbers in mainland China (+86) are accepted.</source>
        <translation>只能填写中国大陆号码（+86）。</translation>
    </message>
    <message>
        <source>Only digits, spaces and dashes; write an extension as “ext 123”.</source>
        <translation>号码只能包含数字、空格和短横线；分机请写成“转 123”。</translation>
    </message>
    <message>
        <source>Not a number this desk knows: enter a mobile, a landline with its area code, or a service number such as 110 or 95598.</source>
        <translation>无法识别的号码：请填写手机号、带区号的固定电话，或 110、95598 这类服务号码。</translation>
    </message>
    <message>
        <source>This number cannot be used.</source>
        <translation>该号码无法使用。</translation>
    </message>
    <message>
        <source>Too long: at most {0} characters.</source>
        <translation>太长了：最多 {0} 个字。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请填写姓名或名称。</translation>
    </message>
    <message>
        <source>The file already has a row with this name and role.</source>
        <translation>文件中已有同姓名、同角色的一行。</translation>
    </message>
    <message>
        <source>The role “{0}” is not in the plans. Use a role name from the list, or “其他”.</source>
        <translation>角色“{0}”不在预案中。请使用预案中的角色名称，或填“其他”。</translation>
    </message>
    <message>
        <source>Enter at least one number.</source>
        <translation>请至少填写一个电话号码。</translation>
    </message>
    <message>
        <source>At most {0} numbers.</source>
        <translation>最多 {0} 个号码。</translation>
    </message>
    <message>
        <source>24 hours: write 是 or 否.</source>
        <translation>“24小时可联络”请填“是”或“否”。</translation>
    </message>
    <message>
        <source>Outside number: write 是 or 否.</source>
        <translation>“外部号码”请填“是”或“否”。</translation>
    </message>
    <message>
        <source>This contact was deleted meanwhile.</source>
        <translation>该联系人已被删除。</translation>
    </message>
    <message>
        <source>Not saved: see the message.</source>
        <translation>未保存：请看提示信息。</translation>
    </message>
    <message>
        <source>Not valid: {0}</source>
        <translation>无效：{0}</translation>
    </message>
    <message>
        <source>The file cannot be read ({0}).</source>
        <translation>无法读取该文件（{0}）。</translation>
    </message>
    <message>
        <source>The file is larger than {0} MB; it is not a contact list.</source>
        <translation>文件超过 {0} MB，不像是通讯录。</translation>
    </message>
    <message>
        <source>This is an Excel workbook, not a CSV file. In Excel choose Save As → CSV, then import that file.</source>
        <translation>这是 Excel 工作簿，不是 CSV 文件。请在 Excel 中选择“另存为 → CSV”，再导入另存的文件。</translation>
    </message>
    <message>
        <source>This is not a text file. Save the sheet as CSV and import that file.</source>
        <translation>这不是文本文件。请把表格另存为 CSV 后再导入。</translation>
    </message>
    <message>
        <source>The file's encoding is not recognised. Save it as CSV in UTF-8 or GBK.</source>
        <translation>无法识别文件编码。请另存为 UTF-8 或 GBK 编码的 CSV。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The first row has no “姓名” column (found: {0}). Use the headers of an exported file: 姓名, 角色, 单位, 电话1 …</source>
        <translation>第一行没有“姓名”列（找到的是：{0}）。请使用导出文件的表头：姓名、角色、单位、电话1……</translation>
    </message>
    <message>
        <source>The file has {0} rows; at most {1} can be imported at once.</source>
        <translation>文件有 {0} 行；一次最多导入 {1} 行。</translation>
    </message>
    <message>
        <source>The file cannot be read as CSV ({0}). Save the sheet as CSV and import that file.</source>
        <translation>该文件无法按 CSV 读取（{0}）。请把表格另存为 CSV 后再导入。</translation>
    </message>
    <message>
        <source>Cannot write {0}. Choose a folder you can write to, and close the file if Excel has it open.</source>
        <translation>无法写入 {0}。请选择可写入的文件夹；如该文件正在 Excel 中打开，请先关闭。</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <source>Search: name, role, organisation, number or pinyin initials (zs = 张三)</source>
        <translation>搜索：姓名、角色、单位、号码或拼音首字母（zs = 张三）</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新增联系人</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Contact sheet PDF</source>
        <translation>通讯录 PDF</translation>
    </message>
    <message>
        <source>Print contact sheet</source>
        <translation>打印通讯录</translation>
    </message>
    <message>
        <source>Press a number to copy it. Enter in the search copies the first number shown.</source>
        <translation>点按号码即可复制；在搜索框按回车，复制列表中第一个号码。</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>The directory is empty. Add contacts with “New contact”, or import a CSV file.</source>
        <translation>通讯录是空的。请点“新增联系人”，或导入 CSV 文件。</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”. Search by name, role, organisation, number or pinyin initials.</source>
        <translation>没有找到“{0}”。可按姓名、角色、单位、号码或拼音首字母搜索。</translation>
    </message>
    <message>
        <source>Copied {0}: {1}. Paste it into the phone software, or dial it.</source>
        <translation>已复制 {0}：{1}。可粘贴到拨号软件，或直接拨打。</translation>
    </message>
    <message>
        <source>Saved: {0}.</source>
        <translation>已保存：{0}。</translation>
    </message>
    <message>
        <source>Delete {0}?</source>
        <translation>删除 {0}？</translation>
    </message>
    <message>
        <source>{0} leaves the directory. Incidents that recorded a call to {0} keep showing the name and number.</source>
        <translation>{0} 将从通讯录中移除。已记录的事件中，联系 {0} 的姓名和号码仍会保留。</translation>
    </message>
    <message>
        <source>Deleted: {0}.</source>
        <translation>已删除：{0}。</translation>
    </message>
    <message>
        <source>Import contacts from a CSV file</source>
        <translation>从 CSV 文件导入联系人</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>已取消导入：通讯录没有任何改动。</translation>
    </message>
    <message>
        <source>The directory changed while the file was checked; nothing was imported. Import the file again.</source>
        <translation>检查文件期间通讯录有改动，未导入任何内容。请重新导入该文件。</translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} changed.</source>
        <translation>已导入：新增 {0} 人，更新 {1} 人。</translation>
    </message>
    <message>
        <source>Export the directory as CSV</source>
        <translation>将通讯录导出为 CSV</translation>
    </message>
    <message>
        <source>Exported {0} contacts to {1}.</source>
        <translation>已将 {0} 位联系人导出到 {1}。</translation>
    </message>
</context>
<context>
    <name>DailyView</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Incidents (drills marked)</source>
        <translation>事件（演练已标出）</translation>
    </message>
    <message>
        <source>Missed or late reports</source>
        <translation>超时或迟报</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>{0} incidents, {1} drills. By category: {2}. By level: {3}. Missed or late reports: {4}.</source>
        <translation>真实事件 {0} 起，演练 {1} 次。按类别：{2}。按级别：{3}。超时或迟报：{4} 项。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reported in time?</source>
        <translation>是否按时报告</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应完成时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Calls logged: {0}. Shift handovers: {1} ({2} refused); both are listed in the printed log.</source>
        <translation>来电登记 {0} 次；交接班 {1} 次（拒绝接班 {2} 次），明细见打印的值班日志。</translation>
    </message>
    <message>
        <source>{0} {1} of them changed outside the program: cannot be trusted.</source>
        <translation>其中 {0} 条在本程序之外被改动（标 {1}），不可采信。</translation>
    </message>
    <message>
        <source>{0} {1} changed outside the program: what is shown of them cannot be trusted. Run verify and keep the database as evidence.</source>
        <translation>{0} {1} 在本程序之外被改动，所示内容不可采信。请运行 verify 核查，并将数据库文件作为证据保存。</translation>
    </message>
    <message>
        <source>in time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>超时未报</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>All desks</source>
        <translation>全部服务台</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>The backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>The desk could not back up its database into {0}. The desk goes on and tries again later; check that the folder (or the USB stick or network folder it is on) is there and has room.</source>
        <translation>处置台无法把数据库备份到 {0}。处置台照常工作，稍后会再试；请检查该文件夹（或其所在的U盘、网络文件夹）是否存在、空间是否足够。</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <source>A check of the database file {0} found it damaged. The desk goes on, but some records may not be readable or saved. Note new incidents on paper too, and ask support to restore the database from a backup soon.</source>
        <translation>检查发现数据库文件 {0} 已损坏。处置台可以继续使用，但部分记录可能无法读取或保存。请同时在纸上记录新发生的事件，并尽快请技术支持从备份恢复数据库。</translation>
    </message>
</context>
<context>
    <name>DatabaseRefusal</name>
    <message>
        <source>{0} is a folder, not a database file. Start the desk with a database file name.</source>
        <translation>{0} 是一个文件夹，不是数据库文件。请指定数据库文件名来启动处置台。</translation>
    </message>
    <message>
        <source>{0} is not a database of Emergency Desk. It was left untouched. Move it away, or start the desk with another database file.</source>
        <translation>{0} 不是应急处置台的数据库，该文件未被改动。请把它移走，或换一个数据库文件启动处置台。</translation>
    </message>
    <message>
        <source>{0} is a database of another program. It was left untouched. Start the desk with another database file.</source>
        <translation>{0} 是其他程序的数据库，该文件未被改动。请换一个数据库文件启动处置台。</translation>
    </message>
    <message>
        <source>The database file {0} is damaged and cannot be read. It was left untouched. Restore it from a backup, or ask support for help.</source>
        <translation>数据库文件 {0} 已损坏，无法读取，该文件未被改动。请从备份恢复，或联系技术支持。</translation>
    </message>
    <message>
        <source>{0} is not a database of Emergency Desk. It was left untouched. Start the desk with another database file.</source>
        <translation>{0} 不是应急处置台的数据库，该文件未被改动。请换一个数据库文件启动处置台。</translation>
    </message>
    <message>
        <source>{0} has no valid version record; it may be damaged. It was left untouched. Restore it from a backup, or ask support for help.</source>
        <translation>{0} 没有有效的版本记录，可能已损坏，该文件未被改动。请从备份恢复，或联系技术支持。</translation>
    </message>
    <message>
        <source>{0} was written by a newer version of Emergency Desk (database version {1}; this program knows up to {2}). It was left untouched. Install the newer program.</source>
        <translation>{0} 由更新版本的应急处置台写入（数据库版本 {1}，本程序最高支持 {2}），该文件未被改动。请安装新版程序。</translation>
    </message>
    <message>
        <source>The database {0} cannot be opened or created. Check that its folder exists and can be written to.</source>
        <translation>无法打开或创建数据库 {0}。请检查所在文件夹是否存在、是否可以写入。</translation>
    </message>
    <message>
        <source>There is no database at {0}.</source>
        <translation>{0} 处没有数据库。</translation>
    </message>
    <message>
        <source>{0} holds no incidents yet. It was left untouched.</source>
        <translation>{0} 中还没有任何事件记录，该文件未被改动。</translation>
    </message>
    <message>
        <source>The database {0} is on read-only media with an unfinished log file beside it, which can only be read where it can be written. It was left untouched. Copy the folder to a writable disk and open the copy.</source>
        <translation>数据库 {0} 位于只读介质上，旁边还有未合并的日志文件，这种文件只能在可写的位置读取。该文件未被改动。请把整个文件夹复制到可写的磁盘上，再打开副本。</translation>
    </message>
    <message>
        <source>The database {0} is already open in another desk window ({1}, since {2}). One desk works on a database at a time: use that window, or close it and start again.</source>
        <translation>数据库 {0} 已在另一个处置台窗口中打开（{1}，自 {2} 起）。同一个数据库一次只能由一个处置台使用：请使用那个窗口，或先将其关闭再重新启动。</translation>
    </message>
    <message>
        <source>{0} was written by an older version of Emergency Desk (database version {1}; this needs version {2} or later). It was left untouched. Open it once in the desk, then try again.</source>
        <translation>{0} 由旧版本的应急处置台写入（数据库版本 {1}，此操作需要版本 {2} 或更高），该文件未被改动。请先用处置台打开一次，再重试。</translation>
    </message>
    <message>
        <source>Upgrading the database {0} from version {1} failed. Nothing was changed; a copy was saved as {2}. Please report this problem to support.</source>
        <translation>数据库 {0} 从版本 {1} 升级失败。数据未被改动，副本已保存为 {2}。请将此问题报告给技术支持。</translation>
    </message>
    <message>
        <source>No backup of it was found in {0}.</source>
        <translation>在 {0} 中没有找到它的备份。</translation>
    </message>
    <message>
        <source>The newest good backup is {0} (made {1}); support can restore it.</source>
        <translation>最新的完好备份是 {0}（{1} 制作），技术支持人员可用它恢复。</translation>
    </message>
</context>
<context>
    <name>DayCalls</name>
    <message>
        <source>Today's calls</source>
        <translation>今日来电</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>来电内容</translation>
    </message>
    <message>
        <source>Also told</source>
        <translation>已告知</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>关联事件</translation>
    </message>
    <message>
        <source>Told now: name</source>
        <translation>刚刚告知的人：姓名</translation>
    </message>
    <message>
        <source>Add to the chosen call</source>
        <translation>补记到所选来电</translation>
    </message>
    <message>
        <source>{0}: {1} calls</source>
        <translation>{0}：来电 {1} 次</translation>
    </message>
    <message>
        <source>Handling: {0}</source>
        <translation>处理意见：{0}</translation>
    </message>
    <message>
        <source>Choose the call first.</source>
        <translation>请先选择一条来电。</translation>
    </message>
    <message>
        <source>Type the name of who was told.</source>
        <translation>请填写告知了谁。</translation>
    </message>
</context>
<context>
    <name>DeadlineCard</name>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>Counted from {0}, due {1}</source>
        <translation>自 {0} 起计，{1} 到期</translation>
    </message>
    <message>
        <source>{0}'s duty</source>
        <translation>{0}负责</translation>
    </message>
    <message>
        <source>{0}: someone else</source>
        <translation>{0}：其他人</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>请决定</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>立即</translation>
    </message>
</context>
<context>
    <name>DeadlineLine</name>
    <message>
        <source>{0} (due {1})</source>
        <translation>{0}（{1} 到期）</translation>
    </message>
    <message>
        <source>MISSED {0}</source>
        <translation>已超时 {0}</translation>
    </message>
    <message>
        <source> · acknowledged</source>
        <translation> · 已确认</translation>
    </message>
    <message>
        <source>Decide now</source>
        <translation>请决定</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Drill: {0}</source>
        <translation>演练情况：{0}</translation>
    </message>
    <message>
        <source> (due)</source>
        <translation>（到期）</translation>
    </message>
    <message>
        <source>Deadline missed</source>
        <translation>时限已超时</translation>
    </message>
    <message>
        <source>Decision point reached</source>
        <translation>到达决策点</translation>
    </message>
    <message>
        <source>The hall's plans are used from the next start.</source>
        <translation>本大厅的预案将在下次启动时使用。</translation>
    </message>
    <message>
        <source>Version {0} is published. Start the desk again now to run it? It takes a few seconds; new incidents then follow version {0}.</source>
        <translation>版本 {0} 已发布。现在重新启动处置台以运行它吗？只需几秒钟；此后新的事件按版本 {0} 处置。</translation>
    </message>
    <message>
        <source>Version {0} is published. Start the desk again now to run it? It takes a few seconds; new incidents then follow version {0}. The {1} incident(s) running keep the version they ran; their deadlines carry on and ring in the new desk.</source>
        <translation>版本 {0} 已发布。现在重新启动处置台以运行它吗？只需几秒钟；此后新的事件按版本 {0} 处置。正在处置的 {1} 起事件保持原来的版本；其时限继续计时，在重启后的处置台上照常报警。</translation>
    </message>
    <message>
        <source>Run the new plans now?</source>
        <translation>现在运行新预案？</translation>
    </message>
    <message>
        <source>The plans of {0} are used once the incidents now running are closed.</source>
        <translation>正在处置的事件结案后，将改用“{0}”的预案。</translation>
    </message>
    <message>
        <source>Alarm sound</source>
        <translation>报警声音</translation>
    </message>
</context>
<context>
    <name>DeskLine</name>
    <message>
        <source>{0} running</source>
        <translation>进行中 {0} 件</translation>
    </message>
    <message>
        <source>nothing running</source>
        <translation>无进行中事件</translation>
    </message>
    <message>
        <source>NOT RESPONDING</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>{0} not synced</source>
        <translation>未同步 {0} 条</translation>
    </message>
    <message>
        <source>clock {0} min fast</source>
        <translation>时钟快 {0} 分钟</translation>
    </message>
    <message>
        <source>clock {0} min slow</source>
        <translation>时钟慢 {0} 分钟</translation>
    </message>
    <message>
        <source>last heard {0}</source>
        <translation>最近联系 {0}</translation>
    </message>
</context>
<context>
    <name>DeskList</name>
    <message>
        <source>Desks</source>
        <translation>各窗口</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <source>End the drill</source>
        <translation>结束演练</translation>
    </message>
    <message>
        <source> ×{0}</source>
        <translation> ×{0}</translation>
    </message>
    <message>
        <source>DRILL{0} · {1} · {2}:{3:02d}</source>
        <translation>演练中{0} · {1} · {2}:{3:02d}</translation>
    </message>
    <message>
        <source> — now: {0}</source>
        <translation> —— 最新情况：{0}</translation>
    </message>
    <message>
        <source>End the drill?</source>
        <translation>结束演练？</translation>
    </message>
    <message>
        <source>End the drill “{0}” now and score it? What has not been done by now counts as not done, and the drill cannot be continued.</source>
        <translation>现在结束演练“{0}”并评分？尚未完成的事项将记为未做，演练结束后不能继续。</translation>
    </message>
</context>
<context>
    <name>DrillController</name>
    <message>
        <source>Real incidents have deadlines running: a faster drill would speed them up too. Run it at normal speed, or after they are done.</source>
        <translation>有真实事件的时限正在计时：加速演练会让它们也加速。请以正常速度演练，或等真实事件处理完再开始。</translation>
    </message>
</context>
<context>
    <name>DrillRunPanel</name>
    <message>
        <source>Normal speed</source>
        <translation>正常速度</translation>
    </message>
    <message>
        <source>{0} times faster</source>
        <translation>{0} 倍速</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>Start the drill</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <source>End the drill and score it</source>
        <translation>结束演练并评分</translation>
    </message>
    <message>
        <source>Drill report (PDF)</source>
        <translation>演练报告（PDF）</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Expected action</source>
        <translation>应做事项</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Done after</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>演练场景</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>演练场景</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Earlier drills</source>
        <translation>以往演练</translation>
    </message>
    <message>
        <source>Plan: {0}</source>
        <translation>预案：{0}</translation>
    </message>
    <message>
        <source>Played as a holiday (holiday deadlines).</source>
        <translation>按节假日演练（适用节假日时限）。</translation>
    </message>
    <message>
        <source>+{0} min: {1}</source>
        <translation>+{0} 分钟：{1}</translation>
    </message>
    <message>
        <source>The drill is running: the clerk works on the emergency screen (F1).</source>
        <translation>演练进行中：请服务人员在应急处置页面（F1）操作。</translation>
    </message>
    <message>
        <source>Drill ended and logged.</source>
        <translation>演练已结束并登记。</translation>
    </message>
    <message>
        <source>A drill cut short when the program stopped was ended and scored with what had been done.</source>
        <translation>程序上次中途停止时有一场演练未结束：已按当时完成的情况结束并评分。</translation>
    </message>
    <message>
        <source>Plan chosen</source>
        <translation>选择预案</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>呼叫</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>done late</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未做</translation>
    </message>
    <message>
        <source>No drill chosen: run one, or pick an earlier drill below.</source>
        <translation>尚未选择演练：请开始一场演练，或在下方选择以往的演练。</translation>
    </message>
    <message>
        <source>{0}: score {1} / 100 · first action after {2} · to practise: {3}</source>
        <translation>{0}：得分 {1} / 100 · 首次处置用时 {2} · 待加强 {3} 项</translation>
    </message>
    <message>
        <source>Times are drill time from the start of the drill.</source>
        <translation>时间均为演练时间，从演练开始起计。</translation>
    </message>
    <message>
        <source>Times as an earlier version scored them (see the drill report).</source>
        <translation>时间按旧版本的评分方式计（详见演练报告）。</translation>
    </message>
    <message>
        <source>Done at / due</source>
        <translation>完成于 / 应完成于</translation>
    </message>
    <message>
        <source>(only if: {0})</source>
        <translation>（条件：{0}）</translation>
    </message>
    <message>
        <source>(after the event)</source>
        <translation>（事后进行）</translation>
    </message>
    <message>
        <source>not scored: after the event</source>
        <translation>不计分：事后进行</translation>
    </message>
    <message>
        <source>not scored: depends on the situation</source>
        <translation>不计分：视情况而定</translation>
    </message>
</context>
<context>
    <name>DrillScreen</name>
    <message>
        <source>Scenarios</source>
        <translation>演练场景</translation>
    </message>
    <message>
        <source>Run a drill</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <source>Training log</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>Plan revisions</source>
        <translation>预案修订</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>到期日历</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>演练评估</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Some scenario files have problems and are left out; see Scenarios.</source>
        <translation>部分演练场景文件有错误，未载入；详见“演练场景”。</translation>
    </message>
    <message>
        <source>a plan revision: major incident {0} closed on {1}</source>
        <translation>预案修订：重大事件 {0} 已于 {1} 结案</translation>
    </message>
    <message>
        <source>a plan revision: a change of law or process recorded on {0} ({1})</source>
        <translation>预案修订：{0} 登记了法规或流程变化（{1}）</translation>
    </message>
    <message>
        <source>the quarterly training</source>
        <translation>季度培训</translation>
    </message>
    <message>
        <source>the yearly drill</source>
        <translation>年度演练</translation>
    </message>
    <message>
        <source>the yearly plan revision</source>
        <translation>年度预案修订</translation>
    </message>
    <message>
        <source>management's approval of the plans in use</source>
        <translation>现行预案的管理层审批</translation>
    </message>
    <message>
        <source>{0} (none recorded)</source>
        <translation>{0}（尚无记录）</translation>
    </message>
    <message>
        <source>{0} (last {1})</source>
        <translation>{0}（上次 {1}）</translation>
    </message>
    <message>
        <source>{0} (overdue since {1})</source>
        <translation>{0}（{1} 到期，已逾期）</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0}（应于 {1} 前完成）</translation>
    </message>
    <message>
        <source>{0} corrective action(s) past their date</source>
        <translation>{0} 项整改措施已逾期</translation>
    </message>
    <message>
        <source>Due: {0}</source>
        <translation>到期待办：{0}</translation>
    </message>
    <message>
        <source>Training, drills and plan revision are up to date.</source>
        <translation>培训、演练和预案修订均未到期。</translation>
    </message>
</context>
<context>
    <name>EditionDialog</name>
    <message>
        <source>Which hall is this?</source>
        <translation>这是哪一类服务大厅？</translation>
    </message>
    <message>
        <source>Choose the kind of hall this desk serves. The desk then shows the situations, people and reporting chain of the plans such a hall follows, and the general regulation. It can be changed later in Settings.</source>
        <translation>请选择本服务台所在的大厅类型。之后只显示这类大厅适用的预案中的事件、人员和报告链，以及总的管理制度。以后可在“设置”中更改。</translation>
    </message>
    <message>
        <source>Not now: show every plan</source>
        <translation>暂不选择：显示全部预案</translation>
    </message>
</context>
<context>
    <name>EmergencyHome</name>
    <message>
        <source>{0} situations</source>
        <translation>{0} 种情形</translation>
    </message>
    <message>
        <source>Most urgent — one press starts the response</source>
        <translation>最紧急——按一下即启动处置</translation>
    </message>
    <message>
        <source>What happened? Choose the kind of incident</source>
        <translation>发生了什么？请选择事件类别</translation>
    </message>
</context>
<context>
    <name>EmergencyScreen</name>
    <message>
        <source>No incident running</source>
        <translation>没有进行中的事件</translation>
    </message>
    <message>
        <source>✓ recorded — dial now</source>
        <translation>✓ 已记录——请拨打</translation>
    </message>
    <message>
        <source>pressed again: answer the question</source>
        <translation>重复按下：请回答提问（未记录）</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Dial now: {0}</source>
        <translation>请立即拨打：{0}</translation>
    </message>
    <message>
        <source>Not recorded: no incident is shown. Open or start it, so the call is recorded.</source>
        <translation>未记录：当前没有显示事件。请打开或启动该事件，呼叫才会记入记录。</translation>
    </message>
    <message>
        <source>not recorded — dial now</source>
        <translation>未记录——请拨打</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <source>The desk met a damaged part of its database file, so what it shows may be incomplete and what you just did may not have been saved. Note what happens on paper, close the desk and restore the database from a backup; ask support for help.</source>
        <translation>处置台读到了数据库文件中已损坏的部分，显示的内容可能不完整，刚才的操作可能没有保存。请在纸上记录事件经过，关闭处置台并从备份恢复数据库；请联系技术支持。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>This could not be saved: {0}
Nothing of it was recorded; the screen shows what is stored. Note it on paper if it matters, and ask support to check the database file.</source>
        <translation>未能保存：{0}
此操作没有记录下来，屏幕显示的是已保存的内容。如事关重要请先记在纸上，并请技术支持检查数据库文件。</translation>
    </message>
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
    <name>EvaluationDialog</name>
    <message>
        <source>Live drill (实战)</source>
        <translation>实战演练</translation>
    </message>
    <message>
        <source>Tabletop drill (桌面)</source>
        <translation>桌面演练</translation>
    </message>
    <message>
        <source>Fire and evacuation drill</source>
        <translation>灭火和应急疏散演练</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>姓名，用顿号“、”分隔</translation>
    </message>
    <message>
        <source>Save the evaluation</source>
        <translation>保存评估</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>演练概况</translation>
    </message>
    <message>
        <source>Execution, problems, lessons</source>
        <translation>执行情况、问题、经验教训</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>照片和文件</translation>
    </message>
    <message>
        <source>Drill name</source>
        <translation>演练名称</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参演人员</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>演练场景</translation>
    </message>
    <message>
        <source>Evaluators</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>演练执行情况</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Lessons and suggestions</source>
        <translation>经验教训与改进建议</translation>
    </message>
    <message>
        <source>File now</source>
        <translation>文件现状</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Files are kept where they are: the desk records their path, size and SHA-256, and says when one has changed or gone.</source>
        <translation>附件留在原处：本台记录其路径、大小和 SHA-256，文件被改动或缺失时会提示。</translation>
    </message>
    <message>
        <source>New evaluation of {0}</source>
        <translation>新评估：{0}</translation>
    </message>
    <message>
        <source>Evaluation No. {0} (as first written); saving writes a revision</source>
        <translation>评估第 {0} 号（初稿）；保存将写入修订</translation>
    </message>
    <message>
        <source>Evaluation No. {0} (revision {1}); saving writes a new revision</source>
        <translation>评估第 {0} 号（第 {1} 次修订）；保存将写入新的修订</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>of {0}</source>
        <translation>满分 {0}</translation>
    </message>
    <message>
        <source>Total: {0} of {1}</source>
        <translation>合计：{0} / {1}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Write the drill's name first.</source>
        <translation>请先填写演练名称。</translation>
    </message>
    <message>
        <source>Name the evaluator(s): the evaluation is signed.</source>
        <translation>请填写评估人员：评估须署名。</translation>
    </message>
    <message>
        <source>A score is outside its item's marks.</source>
        <translation>有一项得分超出该项分值。</translation>
    </message>
    <message>
        <source>A field is too long: shorten it.</source>
        <translation>有一项内容过长，请删减。</translation>
    </message>
    <message>
        <source>Choose tabletop or live.</source>
        <translation>请选择桌面演练或实战演练。</translation>
    </message>
    <message>
        <source>Choose a drill of the training log first.</source>
        <translation>请先选择培训演练记录中的一次演练。</translation>
    </message>
    <message>
        <source>This evaluation is no longer there.</source>
        <translation>此评估已不存在。</translation>
    </message>
    <message>
        <source>This drill was evaluated meanwhile (another desk?): its evaluation is shown now; save again to revise it.</source>
        <translation>此演练已由其他人评估（另一台？）：现在显示的是该评估；再次保存即写入修订。</translation>
    </message>
    <message>
        <source>Save the evaluation before attaching files.</source>
        <translation>请先保存评估，再添加附件。</translation>
    </message>
    <message>
        <source>Attach a photo, video or file</source>
        <translation>添加照片、视频或文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Reading… {0} %</source>
        <translation>正在读取… {0} %</translation>
    </message>
    <message>
        <source>Attached {0}.</source>
        <translation>已添加附件 {0}。</translation>
    </message>
    <message>
        <source>That is not a file (or it is gone).</source>
        <translation>这不是文件（或已不存在）。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The file's path is too long.</source>
        <translation>文件路径过长。</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未改动</translation>
    </message>
    <message>
        <source>CHANGED since attached</source>
        <translation>添加后已被改动</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>核对中…</translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>演练场景</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Drills run at the desk and drills recorded in the training log. A drill held away from the desk: record it in the training log first, then evaluate it here.</source>
        <translation>本台运行的演练和培训演练记录中的演练。在本台以外进行的演练：先记入培训演练记录，再在此评估。</translation>
    </message>
    <message>
        <source>No. {0}, {1} points</source>
        <translation>第 {0} 号，{1} 分</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Choose a drill first.</source>
        <translation>请先选择一次演练。</translation>
    </message>
    <message>
        <source>Drill evaluation · {0}</source>
        <translation>演练评估 · {0}</translation>
    </message>
    <message>
        <source>Choose an evaluated drill first.</source>
        <translation>请先选择一次已评估的演练。</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Open the PDF</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cannot print: the folder {0} cannot be made ({1}).</source>
        <translation>无法打印：无法创建文件夹 {0}（{1}）。</translation>
    </message>
    <message>
        <source>Waiting for the PDF being made…</source>
        <translation>正在等待前一个 PDF 生成完毕…</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Making the PDF… page {0}</source>
        <translation>正在生成 PDF… 第 {0} 页</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Print preview of {0} open: choose the printer there.</source>
        <translation>已打开 {0} 的打印预览：请在预览中选择打印机。</translation>
    </message>
    <message>
        <source>Sent to print through the system's PDF viewer: {0}. If the viewer opens, print from there.</source>
        <translation>已交给系统的 PDF 阅读器打印：{0}。如果打开的是阅读器窗口，请在其中选择打印机并打印。</translation>
    </message>
    <message>
        <source>No PDF viewer could take the file to print it. It is saved as {0}: open it and print from there.</source>
        <translation>没有可用于打印的 PDF 阅读器。文件已保存为 {0}，请用 PDF 阅读器打开后打印。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>查找范围：</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>文件类型：</translation>
    </message>
</context>
<context>
    <name>GuidedResponse</name>
    <message>
        <source>← Home  Esc</source>
        <translation>← 首页  Esc</translation>
    </message>
    <message>
        <source>DRILL</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Report to read out</source>
        <translation>汇报稿</translation>
    </message>
    <message>
        <source>Cancel (pressed by mistake)</source>
        <translation>取消（误按）</translation>
    </message>
    <message>
        <source>Record form</source>
        <translation>记录表</translation>
    </message>
    <message>
        <source>Report upward</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Quick note, Enter adds it to the record</source>
        <translation>快速备注，按回车记入记录</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>呼叫</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Keys: 1–9 tick a step · N note (Enter adds it) · L level · B read-out · R record · Esc home · F10–F12 call 110/119/120</source>
        <translation>按键：1–9 勾选步骤 · N 备注（回车记入）· L 级别 · B 汇报稿 · R 记录表 · Esc 首页 · F10–F12 拨打 110/119/120</translation>
    </message>
    <message>
        <source>U report upward</source>
        <translation>U 上报</translation>
    </message>
    <message>
        <source>{0}: report to {1} within {2}</source>
        <translation>{0}事件：{2}内报告{1}</translation>
    </message>
    <message>
        <source>{0}: report to {1} at once</source>
        <translation>{0}事件：立即报告{1}</translation>
    </message>
    <message>
        <source> (after handling is finished)</source>
        <translation>（自处置完成起计）</translation>
    </message>
    <message>
        <source>✓ Reported to {0}</source>
        <translation>✓ 已报告{0}</translation>
    </message>
    <message>
        <source>Reported to {0}</source>
        <translation>已报告{0}</translation>
    </message>
    <message>
        <source>Mark: {0}</source>
        <translation>标记：{0}</translation>
    </message>
    <message>
        <source>Dial now: {0}</source>
        <translation>请立即拨打：{0}</translation>
    </message>
    <message>
        <source>Recorded: called {0} at {1}.</source>
        <translation>已记录：{1} 呼叫{0}。</translation>
    </message>
    <message>
        <source>Add a number for {0}…</source>
        <translation>为{0}添加号码…</translation>
    </message>
    <message>
        <source>{0}: no number on file</source>
        <translation>{0}：没有登记号码</translation>
    </message>
    <message>
        <source>Recorded: no number on file for {0} at {1} — not called. Find the number elsewhere, or add it.</source>
        <translation>已记录：{1} {0}没有登记号码——未拨打。请另找号码，或添加号码。</translation>
    </message>
    <message>
        <source>Recorded at {0}.</source>
        <translation>已记录：{0}。</translation>
    </message>
    <message>
        <source>Already recorded {0} s ago: {1}</source>
        <translation>{0} 秒前已记录：{1}</translation>
    </message>
    <message>
        <source>Pressed twice? Nothing more was recorded. If this is a second call, record it again.</source>
        <translation>按了两次？未再记录。如确是第二次呼叫，请再记录一次。</translation>
    </message>
    <message>
        <source>Record it again</source>
        <translation>再记录一次</translation>
    </message>
    <message>
        <source>Started: {0}</source>
        <translation>启动：{0}</translation>
    </message>
    <message>
        <source>{0} · {1}. Pressed by mistake? Cancel it within {2} minutes.</source>
        <translation>{0} · {1}。误按？{2} 分钟内可取消。</translation>
    </message>
    <message>
        <source>Cancel: pressed by mistake</source>
        <translation>取消（误按）</translation>
    </message>
    <message>
        <source>The incident leaves the running list. Clocks for repairs and arrivals stop; reports still owed stay owed; deadlines that run from the end of handling start now.</source>
        <translation>事件将离开进行中列表。维修、到场类计时停止；尚未完成的报告仍须完成；自处置完成起算的时限现在开始计时。</translation>
    </message>
    <message>
        <source>Handling finished</source>
        <translation>处置完成</translation>
    </message>
    <message>
        <source>Running {0}:{1:02d}</source>
        <translation>已用时 {0}:{1:02d}</translation>
    </message>
    <message>
        <source>Handling finished?</source>
        <translation>处置完成了吗？</translation>
    </message>
    <message>
        <source>Cancel this incident?</source>
        <translation>取消这起事件？</translation>
    </message>
    <message>
        <source>It stays in the record, marked as cancelled.</source>
        <translation>该事件仍保留在记录中，并标记为“已取消”。</translation>
    </message>
    <message>
        <source>pressed by mistake</source>
        <translation>误按</translation>
    </message>
</context>
<context>
    <name>HallStrip</name>
    <message>
        <source>Other desks: </source>
        <translation>本厅其他窗口：</translation>
    </message>
    <message>
        <source>the hub refused this desk</source>
        <translation>服务器拒绝了本台</translation>
    </message>
    <message>
        <source>nothing running</source>
        <translation>无进行中事件</translation>
    </message>
    <message>
        <source>hub not reached yet</source>
        <translation>尚未连上服务器</translation>
    </message>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>MISSED</source>
        <translation>超时</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应完成时间</translation>
    </message>
    <message>
        <source>Notes for the incoming clerk (keys, callbacks promised, anything unfinished)</source>
        <translation>交班说明（钥匙、答应回电的事项、未办完的事）</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Incidents running</source>
        <translation>进行中的事件</translation>
    </message>
    <message>
        <source>Open deadlines</source>
        <translation>未完成的时限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Handed over by {0}: what is open now</source>
        <translation>交班人 {0}：当前未办结事项</translation>
    </message>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>超时未报</translation>
    </message>
    <message>
        <source>What is open changed while this list was shown: check the list again, then hand over.</source>
        <translation>显示期间未办结事项有变化：请重新核对清单后再交班。</translation>
    </message>
    <message>
        <source>Incoming clerk's name</source>
        <translation>接班人姓名</translation>
    </message>
    <message>
        <source>Accept and take over</source>
        <translation>确认接班</translation>
    </message>
    <message>
        <source>Why not (required to refuse)</source>
        <translation>拒绝理由（拒绝接班时必填）</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝接班</translation>
    </message>
    <message>
        <source>Incoming clerk</source>
        <translation>接班人</translation>
    </message>
    <message>
        <source>Hand over again with the list now</source>
        <translation>按当前事项重新交班</translation>
    </message>
    <message>
        <source>{0} handed over at {1}: {2} incidents running, {3} deadlines open.</source>
        <translation>{0} 于 {1} 交班：进行中事件 {2} 起，未完成时限 {3} 项。</translation>
    </message>
    <message>
        <source>Notes: {0}</source>
        <translation>交班说明：{0}</translation>
    </message>
    <message>
        <source>Nobody is on duty: there is nothing to hand over.</source>
        <translation>当前无人值班，无法交班。</translation>
    </message>
    <message>
        <source>The incoming clerk must be someone else.</source>
        <translation>接班人不能是交班人本人。</translation>
    </message>
    <message>
        <source>Type the incoming clerk's name.</source>
        <translation>请填写接班人姓名。</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <source>Say why the handover is refused.</source>
        <translation>请填写拒绝接班的理由。</translation>
    </message>
    <message>
        <source>This handover was already answered.</source>
        <translation>此次交班已有答复，不能再次答复。</translation>
    </message>
    <message>
        <source>A newer handover was offered; answer that one.</source>
        <translation>已有更新的交班，请答复最新的一次。</translation>
    </message>
    <message>
        <source>This handover no longer exists.</source>
        <translation>此次交班已不存在。</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>Emergency Desk</source>
        <translation>应急处置台</translation>
    </message>
    <message>
        <source>Incoming call F8</source>
        <translation>来电登记 F8</translation>
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
        <source>On duty: {0} ▾</source>
        <translation>当班：{0} ▾</translation>
    </message>
    <message>
        <source>nobody chosen</source>
        <translation>未选择</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Real incidents</source>
        <translation>真实事件</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Real and drills</source>
        <translation>真实与演练</translation>
    </message>
    <message>
        <source>Search: number, place, description, notes…</source>
        <translation>搜索：编号、地点、经过、备注……</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <source>Record as PDF</source>
        <translation>记录导出 PDF</translation>
    </message>
    <message>
        <source>Print the record</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All situations</source>
        <translation>全部情形</translation>
    </message>
    <message>
        <source>All desks</source>
        <translation>全部服务台</translation>
    </message>
    <message>
        <source>{0} incidents</source>
        <translation>共 {0} 起</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import contacts: check before importing</source>
        <translation>导入联系人：导入前请核对</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changes a contact</source>
        <translation>更新已有联系人</translation>
    </message>
    <message>
        <source>Already there, skipped</source>
        <translation>已存在，跳过</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>有错误，不导入</translation>
    </message>
    <message>
        <source>{0} (encoding {1}): {2} rows. {3} new, {4} changed, {5} already there, {6} with problems (not imported; correct them in the file and import again).</source>
        <translation>{0}（编码 {1}）：共 {2} 行。新增 {3}，更新 {4}，已存在 {5}，有错误 {6}（不导入；请在文件中改正后重新导入）。</translation>
    </message>
    <message>
        <source>Columns not used: {0}</source>
        <translation>未使用的列：{0}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Problems or changes</source>
        <translation>问题或改动</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24小时</translation>
    </message>
    <message>
        <source>Duty hours</source>
        <translation>值班说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Outside number</source>
        <translation>外部号码</translation>
    </message>
    <message>
        <source>{0} (cleared)</source>
        <translation>{0}（清空）</translation>
    </message>
    <message>
        <source>Changes: {0}</source>
        <translation>改动：{0}</translation>
    </message>
    <message>
        <source>Import {0} contacts</source>
        <translation>导入 {0} 位联系人</translation>
    </message>
    <message>
        <source>Cancel: import nothing</source>
        <translation>取消，不导入</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>IncidentCardWidget</name>
    <message>
        <source>DRILL</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Level {0}</source>
        <translation>{0}级</translation>
    </message>
    <message>
        <source>since {0}</source>
        <translation>{0} 起</translation>
    </message>
</context>
<context>
    <name>IncidentController</name>
    <message>
        <source>The note is empty.</source>
        <translation>备注是空的。</translation>
    </message>
    <message>
        <source>The note is longer than {0} characters; shorten it or split it into two notes.</source>
        <translation>备注超过 {0} 个字，请缩短或分成两条。</translation>
    </message>
    <message>
        <source>Say why the level changes.</source>
        <translation>请填写变更级别的理由。</translation>
    </message>
    <message>
        <source>The reason is too long.</source>
        <translation>理由太长。</translation>
    </message>
    <message>
        <source>The incident already has this level.</source>
        <translation>事件已是这个级别。</translation>
    </message>
    <message>
        <source>It is too late to cancel: an incident can only be cancelled within {0} minutes of starting. Close it with a note instead.</source>
        <translation>已无法取消：事件只能在开始后 {0} 分钟内取消。请添加说明后按正常流程结案。</translation>
    </message>
    <message>
        <source>This incident is no longer open.</source>
        <translation>这起事件已不在处置中。</translation>
    </message>
    <message>
        <source>This desk is not enrolled at a hall hub: the phone's page needs one.</source>
        <translation>本处置台尚未登记到营业厅服务器，无法生成手机确认页面。</translation>
    </message>
    <message>
        <source>Not possible: {0}</source>
        <translation>无法执行：{0}</translation>
    </message>
</context>
<context>
    <name>IncidentsScreen</name>
    <message>
        <source>History</source>
        <translation>历史查询</translation>
    </message>
    <message>
        <source>Daily view</source>
        <translation>日报</translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Which of these apply? (proposes a level)</source>
        <translation>符合以下哪些情况？（据此建议级别）</translation>
    </message>
    <message>
        <source>Why the level changes (required)</source>
        <translation>变更级别的理由（必填）</translation>
    </message>
    <message>
        <source>Proposed: {0}</source>
        <translation>建议定级：{0}</translation>
    </message>
    <message>
        <source>Choose a level other than the current one.</source>
        <translation>请选择与当前不同的级别。</translation>
    </message>
    <message>
        <source>Write why the level changes; it goes into the record.</source>
        <translation>请填写调整级别的原因，将记入事件记录。</translation>
    </message>
</context>
<context>
    <name>LevelsEditor</name>
    <message>
        <source>Minutes to report to {0}</source>
        <translation>报告{0}的时限（分钟）</translation>
    </message>
    <message>
        <source>Reporting in this hall (read-only)</source>
        <translation>本营业厅的报告链（只读）</translation>
    </message>
    <message>
        <source>This chain is the {0}'s own: it is shipped with the program (the hall kind's definition, plans/editions.toml) and replaces the library's reporting chain at this desk. A draft cannot change it; a new program version can.</source>
        <translation>此报告链属于“{0}”：随程序提供（营业厅类型的定义，plans/editions.toml），在本处置台取代预案库的报告链。草稿不能修改它；只有新版本的程序可以。</translation>
    </message>
    <message>
        <source>What this hall takes from the plans</source>
        <translation>本营业厅取自预案的内容</translation>
    </message>
    <message>
        <source>Name of the level</source>
        <translation>级别名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>What makes an incident this level (one per line)</source>
        <translation>定级标准（每行一条）</translation>
    </message>
    <message>
        <source>Who handles it and how</source>
        <translation>由谁处置、如何处置</translation>
    </message>
    <message>
        <source>from the start</source>
        <translation>自事件开始起</translation>
    </message>
    <message>
        <source>from when it is over</source>
        <translation>自事件结束起</translation>
    </message>
    <message>
        <source>Report to {0} at once ({1}).</source>
        <translation>立即报告{0}（{1}）。</translation>
    </message>
    <message>
        <source>Report to {0} within {1} minutes ({2}).</source>
        <translation>{1}分钟内报告{0}（{2}）。</translation>
    </message>
    <message>
        <source>Then: {0}</source>
        <translation>随后：{0}</translation>
    </message>
    <message>
        <source>Who handles it: {0}</source>
        <translation>处置：{0}</translation>
    </message>
    <message>
        <source>Deadline {0}: {1} — at once</source>
        <translation>时限{0}：{1} — 立即</translation>
    </message>
    <message>
        <source>Deadline {0}: {1} — {2} minutes</source>
        <translation>时限{0}：{1} — {2}分钟</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>The plan folder is not as shipped</source>
        <translation>预案文件夹与随程序发布的不一致</translation>
    </message>
    <message>
        <source>The plan files differ from those shipped with the program (listed below), so the desk cannot trust them and does not start. Reinstall the program, or restore the folder {0} from a backup.</source>
        <translation>预案文件与随程序发布的不一致（见下方列表），处置台无法信任这些预案，因此不启动。请重新安装程序，或从备份恢复文件夹 {0}。</translation>
    </message>
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
    <message>
        <source>The plan files have lost situations</source>
        <translation>预案文件缺少了部分情形</translation>
    </message>
    <message>
        <source>The plan files still say version {0} but lack situations that version had: a plan file may have been cut short or emptied. Put the plan files back as they were; if the situations were removed on purpose, give the plans a new version in catalog.toml.</source>
        <translation>预案文件仍标为 {0} 版，却缺少了该版本原有的情形：可能有预案文件被截断或清空。请把预案文件恢复原样；如果确实是有意删除这些情形，请在 catalog.toml 中为预案设置新的版本号。</translation>
    </message>
    <message>
        <source>The published plans cannot be used</source>
        <translation>无法使用本厅发布的预案</translation>
    </message>
    <message>
        <source>The plans this hall published do not fit the kinds of hall the program knows (listed below), so the desk cannot cut this hall's plans from them. Correct them in a new draft (main.py plans draft) and publish it, or restore the database from a backup.</source>
        <translation>本厅发布的预案与程序所知的大厅类型不相符（见下），处置台无法从中取出本厅的预案。请在新草稿中改正（main.py plans draft）后发布，或从备份恢复数据库。</translation>
    </message>
    <message>
        <source>The plans this hall published no longer pass the program's checks (listed below). Correct them in a new draft (main.py plans draft) and publish it, or restore the database from a backup.</source>
        <translation>本厅发布的预案已不能通过程序的检查（见下方列表）。请在新的草稿中改正（main.py plans draft）后发布，或从备份恢复数据库。</translation>
    </message>
    <message>
        <source>The plans this hall published, or the record of their drafting and approval, were changed in the database outside the program (what was changed is listed below). The desk does not start on them. Restore the database from a backup and keep this file as evidence.</source>
        <translation>本厅发布的预案，或其起草与签发的记录，在程序之外被改动过（改动之处列在下方）。处置台不在这样的预案上启动。请从备份恢复数据库，并保留此文件作为证据。</translation>
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
    <name>NewSituationForm</name>
    <message>
        <source>e.g. 通知网点负责人，安排人员值守门口。</source>
        <translation>例如：通知网点负责人，安排人员值守门口。</translation>
    </message>
    <message>
        <source>None: I write it myself</source>
        <translation>不用蓝本：自己编写</translation>
    </message>
    <message>
        <source>Add the situation</source>
        <translation>添加此情形</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A situation of the hall's own</source>
        <translation>本营业厅自己的情形</translation>
    </message>
    <message>
        <source>It cites no document: the hall's desk shows it once the draft is published. Add its further steps, deadlines and words afterwards.</source>
        <translation>它不引用任何文件：草稿发布后，本营业厅的处置台即显示它。其余步骤、时限和话术请在添加后编辑。</translation>
    </message>
    <message>
        <source>Model: a situation of another kind of hall's documents</source>
        <translation>蓝本：其他类型大厅文件中的情形</translation>
    </message>
    <message>
        <source>Name of the situation</source>
        <translation>情形名称</translation>
    </message>
    <message>
        <source>Button label (at most 8 characters)</source>
        <translation>按钮简称（最多 8 个字）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Default level</source>
        <translation>默认级别</translation>
    </message>
    <message>
        <source>The hall's desk already shows a situation of this name or button label: give this one its own, or edit that one.</source>
        <translation>本厅处置台已有同名或同按钮简称的情形：请另取名称和简称，或直接修改那一项。</translation>
    </message>
    <message>
        <source>First step: what to do</source>
        <translation>第一步：做什么</translation>
    </message>
    <message>
        <source>Its {0} steps come with their sources; edit them to the hall's own afterwards.</source>
        <translation>采用其 {0} 个步骤，并注明原文出处；之后可按本厅情况修改。</translation>
    </message>
    <message>
        <source>Left out, done or called by roles this hall does not have: {0}</source>
        <translation>未采用（由本厅没有的角色执行或联系）：{0}</translation>
    </message>
    <message>
        <source>Write its name, its button label and its first step.</source>
        <translation>请填写名称、按钮文字和第一步。</translation>
    </message>
</context>
<context>
    <name>NoticeLine</name>
    <message>
        <source>Whole text ▾</source>
        <translation>全文 ▾</translation>
    </message>
</context>
<context>
    <name>OpenIncidentsStrip</name>
    <message>
        <source>Running:</source>
        <translation>进行中：</translation>
    </message>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
</context>
<context>
    <name>Pdf</name>
    <message>
        <source>daily-log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <source>Save the daily log as PDF</source>
        <translation>将值班日志保存为 PDF</translation>
    </message>
    <message>
        <source>incident-record</source>
        <translation>事件记录</translation>
    </message>
    <message>
        <source>Save the incident record as PDF</source>
        <translation>将事件记录保存为 PDF</translation>
    </message>
    <message>
        <source>drill-report</source>
        <translation>演练报告</translation>
    </message>
    <message>
        <source>Save the drill report as PDF</source>
        <translation>将演练报告保存为 PDF</translation>
    </message>
    <message>
        <source>contact-sheet</source>
        <translation>应急通讯录</translation>
    </message>
    <message>
        <source>Save the contact sheet as PDF</source>
        <translation>将应急通讯录保存为 PDF</translation>
    </message>
    <message>
        <source>response-card</source>
        <translation>应急处置卡</translation>
    </message>
    <message>
        <source>Save the response card as PDF</source>
        <translation>将应急处置卡保存为 PDF</translation>
    </message>
    <message>
        <source>plan-booklet</source>
        <translation>应急预案手册</translation>
    </message>
    <message>
        <source>Save the plan booklet as PDF</source>
        <translation>将应急预案手册保存为 PDF</translation>
    </message>
    <message>
        <source>drill-evaluation</source>
        <translation>演练评估报告</translation>
    </message>
    <message>
        <source>Save the drill evaluation report as PDF</source>
        <translation>将演练评估报告保存为 PDF</translation>
    </message>
    <message>
        <source>report</source>
        <translation>信息报告</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Save the formal report as PDF</source>
        <translation>将信息报告保存为 PDF</translation>
    </message>
    <message>
        <source>quarterly-statistics</source>
        <translation>统计季报</translation>
    </message>
    <message>
        <source>monthly-statistics</source>
        <translation>统计月报</translation>
    </message>
    <message>
        <source>Save the statistics as PDF</source>
        <translation>将统计报表保存为PDF</translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <source>The PDF could not be made: {0}. Nothing was written to {1}.</source>
        <translation>无法生成 PDF：{0}。{1} 未写入任何内容。</translation>
    </message>
    <message>
        <source>The folder {0} does not exist. Choose an existing folder.</source>
        <translation>文件夹 {0} 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write in the folder {0} ({1}). Choose a folder you can write to.</source>
        <translation>无法在文件夹 {0} 中写入（{1}）。请选择一个可以写入的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {0} ({1}). Check that the file is not open in another program and that the folder is writable.</source>
        <translation>无法写入 {0}（{1}）。请确认该文件没有在其他程序中打开，并且文件夹可以写入。</translation>
    </message>
    <message>
        <source>{0} exists and is not a PDF (it may be the database, a backup or other data). It was left untouched. Choose another file name for the PDF.</source>
        <translation>{0} 已存在且不是 PDF 文件（可能是数据库、备份或其他数据），未做任何改动。请为 PDF 另选一个文件名。</translation>
    </message>
    <message>
        <source>{0} is a name the database keeps beside it. Nothing was written. Choose another file name for the PDF.</source>
        <translation>{0} 是数据库在其旁边使用的文件名，未写入任何内容。请为 PDF 另选一个文件名。</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>← Back to the plans</source>
        <translation>← 返回预案</translation>
    </message>
    <message>
        <source>Start a draft from the plans in use</source>
        <translation>以现行预案开始草稿</translation>
    </message>
    <message>
        <source>Add a situation…</source>
        <translation>添加情形…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Remove situation…</source>
        <translation>删除情形…</translation>
    </message>
    <message>
        <source>Situations and steps</source>
        <translation>情形与步骤</translation>
    </message>
    <message>
        <source>Roles and people</source>
        <translation>角色与人员</translation>
    </message>
    <message>
        <source>Levels and reporting</source>
        <translation>分级与报告时限</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Approval and publishing</source>
        <translation>审批与发布</translation>
    </message>
    <message>
        <source>Edited by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>No draft: the desk runs the plans in use.</source>
        <translation>没有草稿：处置台按现行预案运行。</translation>
    </message>
    <message>
        <source>Draft #{0} ({1}): every field is checked and saved when you leave it; the desk keeps running the plans in use.</source>
        <translation>草稿 #{0}（{1}）：每一项离开时即检查并保存；处置台仍按现行预案运行。</translation>
    </message>
    <message>
        <source>Draft #{0} is {1}: withdraw it (Approval and publishing) to change it again.</source>
        <translation>草稿 #{0} {1}：如需修改，请先撤回（见“审批与发布”）。</translation>
    </message>
    <message>
        <source>Remove the situation “{0}”?</source>
        <translation>删除情形“{0}”？</translation>
    </message>
    <message>
        <source>The situation “{0}” and all its steps, deadlines and thresholds leave the draft. The change is recorded; a drill scenario or a step that switches to it keeps it.</source>
        <translation>情形“{0}”及其全部步骤、时限和阈值将从草稿中删除。此修改会被记录；若有演练脚本使用它或有步骤转入它，则不能删除。</translation>
    </message>
    <message>
        <source>Write a whole number, e.g. 30.</source>
        <translation>请填写整数，例如 30。</translation>
    </message>
    <message>
        <source>Write a number, e.g. 30 or 2.5.</source>
        <translation>请填写数字，例如 30 或 2.5。</translation>
    </message>
    <message>
        <source>Write a date like 2026-12-01.</source>
        <translation>请按 2026-12-01 的格式填写日期。</translation>
    </message>
    <message>
        <source>There is no draft: start one first.</source>
        <translation>没有草稿：请先开始草稿。</translation>
    </message>
    <message>
        <source>Not saved: the desk could not write it (see the message).</source>
        <translation>未保存：处置台无法写入（见提示）。</translation>
    </message>
    <message>
        <source>Not done: the desk could not write it (see the message).</source>
        <translation>未完成：处置台无法写入（见提示）。</translation>
    </message>
    <message>
        <source>There is no such draft any more: start a new one.</source>
        <translation>该草稿已不存在：请开始新的草稿。</translation>
    </message>
    <message>
        <source>This draft is closed (published or discarded): start a new one to change the plans again.</source>
        <translation>该草稿已结束（已发布或已放弃）：如需再次修改预案，请开始新的草稿。</translation>
    </message>
    <message>
        <source>The draft is submitted for approval and cannot be changed: withdraw it first (Approval and publishing).</source>
        <translation>草稿已提交审批，不能修改：请先撤回（见“审批与发布”）。</translation>
    </message>
    <message>
        <source>This part of the plans no longer exists in the draft ({0}).</source>
        <translation>草稿中已没有这一部分（{0}）。</translation>
    </message>
    <message>
        <source>This value cannot be saved ({0}).</source>
        <translation>此值无法保存（{0}）。</translation>
    </message>
    <message>
        <source>Write your name first (“Edited by”, at the top): every change is recorded with it.</source>
        <translation>请先在上方“修改人”处填写您的姓名：每一处修改都记录修改人。</translation>
    </message>
    <message>
        <source>The name is too long ({0}).</source>
        <translation>姓名过长（{0}）。</translation>
    </message>
    <message>
        <source>Not saved: the plans would have a problem.</source>
        <translation>未保存：这样修改会使预案出错。</translation>
    </message>
    <message>
        <source>The draft is the same as the plans in use: change something before submitting it.</source>
        <translation>草稿与现行预案相同：请先修改再提交。</translation>
    </message>
    <message>
        <source>The draft still has the version label “{0}” of plans already in use or stored: give it a new version label (e.g. 2026.2) before submitting.</source>
        <translation>草稿的版本号“{0}”已被现行或已存的预案使用：提交前请填写新的版本号（例如 2026.2）。</translation>
    </message>
    <message>
        <source>Only a submitted draft can be approved or withdrawn; this one is {0}.</source>
        <translation>只有已提交的草稿才能审批或撤回；此草稿{0}。</translation>
    </message>
    <message>
        <source>Write the name of the manager who signs (签发人).</source>
        <translation>请填写签发人姓名。</translation>
    </message>
    <message>
        <source>The date is not a real day: write it as 2026-12-01.</source>
        <translation>日期无效：请按 2026-12-01 的格式填写。</translation>
    </message>
    <message>
        <source>The signing date {0} is in the future.</source>
        <translation>签发日期 {0} 晚于今天。</translation>
    </message>
    <message>
        <source>The signing date is before the draft was submitted ({0}).</source>
        <translation>签发日期早于草稿提交日期（{0}）。</translation>
    </message>
    <message>
        <source>The PC's clock is earlier than the last act on this draft ({0}): check the clock.</source>
        <translation>电脑时钟早于此草稿上一次办理的时间（{0}）：请检查时钟。</translation>
    </message>
    <message>
        <source>{0} submitted this draft and cannot sign it too: management approves a plan prepared by someone else (第八条).</source>
        <translation>{0} 提交了此草稿，不能同时签发：预案须由编制人以外的管理层审批（第八条）。</translation>
    </message>
    <message>
        <source>The draft's text changed since it was submitted: withdraw it and submit it again.</source>
        <translation>草稿在提交后被改动：请撤回后重新提交。</translation>
    </message>
    <message>
        <source>The draft does not fit every kind of hall the program knows, so a desk could not start on it: {0}</source>
        <translation>草稿不再适合程序所知的各类大厅，处置台将无法按它启动：{0}</translation>
    </message>
    <message>
        <source>Not removed: the drill scenario(s) {0} use this situation. Change or delete those drills first (Drills).</source>
        <translation>未删除：演练脚本 {0} 使用此情形。请先修改或删除这些演练（演练）。</translation>
    </message>
    <message>
        <source>Not removed: the hall kind(s) {0} name this role in their own reporting chain, shipped with the program; a draft cannot remove it.</source>
        <translation>未删除：营业厅类型 {0} 在其随程序提供的报告链中用到此角色；草稿不能删除它。</translation>
    </message>
    <message>
        <source>Only an approved and signed draft can be published; this one is {0}.</source>
        <translation>只有已审批签发的草稿才能发布；此草稿{0}。</translation>
    </message>
    <message>
        <source>This draft was started from version {0}, which the desk no longer runs or builds on: publishing it would undo what was published or shipped since. Bring it up to date (its changes are carried over where they still apply) or discard it.</source>
        <translation>此草稿始于版本 {0}，处置台已不再运行或以其为基础：发布它会抹掉此后发布或随程序更新的内容。请将其更新（其修改在仍适用处沿用），或放弃此草稿。</translation>
    </message>
    <message>
        <source>The hall's plans, or the draft open, already build on the plans the program ships ({0}).</source>
        <translation>本厅的预案或当前草稿已基于程序随附的预案（{0}）。</translation>
    </message>
    <message>
        <source>being edited</source>
        <translation>编辑中</translation>
    </message>
    <message>
        <source>submitted for approval</source>
        <translation>已提交审批</translation>
    </message>
    <message>
        <source>approved and signed</source>
        <translation>已审批签发</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>opened from the program's plans</source>
        <translation>取自程序随附的预案</translation>
    </message>
    <message>
        <source>Must not be empty.</source>
        <translation>不能为空。</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>须为文字。</translation>
    </message>
    <message>
        <source>“{0}” is not a role or key of the plans.</source>
        <translation>“{0}”不是预案中的角色。</translation>
    </message>
    <message>
        <source>Must be a whole number, e.g. 30.</source>
        <translation>须为整数，例如 30。</translation>
    </message>
    <message>
        <source>Must not be negative ({0}).</source>
        <translation>不能为负数（{0}）。</translation>
    </message>
    <message>
        <source>Must be greater than 0 ({0}).</source>
        <translation>须大于 0（{0}）。</translation>
    </message>
    <message>
        <source>At most {0} minutes (a year).</source>
        <translation>最多 {0} 分钟（一年）。</translation>
    </message>
    <message>
        <source>Must be a number, e.g. 30 or 2.5.</source>
        <translation>须为数字，例如 30 或 2.5。</translation>
    </message>
    <message>
        <source>Must be a date like 2026-12-01.</source>
        <translation>须为日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <source>There is no role “{0}” in the plans (see Roles and people).</source>
        <translation>预案中没有角色“{0}”（见“角色与人员”）。</translation>
    </message>
    <message>
        <source>There is no level {0} in the plans.</source>
        <translation>预案中没有 {0} 级。</translation>
    </message>
    <message>
        <source>There is no situation “{0}” in the plans.</source>
        <translation>预案中没有情形“{0}”。</translation>
    </message>
    <message>
        <source>The button label “{0}” is longer than {1} characters.</source>
        <translation>按钮简称“{0}”超过 {1} 个字。</translation>
    </message>
    <message>
        <source>The field “{0}” is missing.</source>
        <translation>缺少“{0}”一项。</translation>
    </message>
    <message>
        <source>The role “{0}” is on the emergency bar and needs a number.</source>
        <translation>角色“{0}”在紧急电话栏中，须有电话号码。</translation>
    </message>
    <message>
        <source>The roles “{0}” and “{1}” on the emergency bar have the same number.</source>
        <translation>紧急电话栏中的角色“{0}”和“{1}”号码相同。</translation>
    </message>
    <message>
        <source>“{1}” is defined twice.</source>
        <translation>“{1}”重复定义。</translation>
    </message>
    <message>
        <source>The plans need at least one situation.</source>
        <translation>预案至少要有一个情形。</translation>
    </message>
    <message>
        <source>A situation needs at least one step.</source>
        <translation>每个情形至少要有一个步骤。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0} names it.</source>
        <translation>{0}用到它。</translation>
    </message>
    <message>
        <source>Not removed: the plans still use it. Change these first:</source>
        <translation>未删除：预案中仍在使用它。请先修改以下各处：</translation>
    </message>
    <message>
        <source>… and {0} more.</source>
        <translation>……另有{0}处。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>button label</source>
        <translation>按钮简称</translation>
    </message>
    <message>
        <source>default level</source>
        <translation>默认级别</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>supplies</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>words to say</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>who does it</source>
        <translation>执行角色</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>拨打/通知</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>after the incident</source>
        <translation>事后</translation>
    </message>
    <message>
        <source>label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>holiday minutes</source>
        <translation>节假日分钟数</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>number</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>version label</source>
        <translation>版本号</translation>
    </message>
    <message>
        <source>revision date</source>
        <translation>修订日期</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>switches to</source>
        <translation>转入情形</translation>
    </message>
    <message>
        <source>done by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>to whom</source>
        <translation>报告/通知对象</translation>
    </message>
    <message>
        <source>reports to</source>
        <translation>报告对象</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source> (another kind of hall's)</source>
        <translation>（其他类型营业厅的）</translation>
    </message>
    <message>
        <source>a step of another kind of hall</source>
        <translation>其他类型营业厅的一步</translation>
    </message>
    <message>
        <source>a deadline of another kind of hall</source>
        <translation>其他类型营业厅的一项时限</translation>
    </message>
    <message>
        <source>a threshold of another kind of hall</source>
        <translation>其他类型营业厅的一项阈值</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>deadline {0}</source>
        <translation>时限 {0}</translation>
    </message>
    <message>
        <source>threshold {0}</source>
        <translation>阈值 {0}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>What must be done</source>
        <translation>须完成的事项</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <source>On holidays</source>
        <translation>节假日分钟数</translation>
    </message>
    <message>
        <source>Deadline {0}</source>
        <translation>时限 {0}</translation>
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
        <source>from when the incident is started at this level or changed to it</source>
        <translation>自事件按本级启动或改为本级时起计</translation>
    </message>
    <message>
        <source>from when the incident is started with this plan or switched to it</source>
        <translation>自按本预案启动或改用本预案时起计</translation>
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
        <translation>或</translation>
    </message>
    <message>
        <source>If missed:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>事后进行</translation>
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
    <name>PlanRevisionsPanel</name>
    <message>
        <source>Plans in use: version {0}, revised {1}; the documents ask for a revision every {2} months, approved by management.</source>
        <translation>现行预案：版本 {0}，修订于 {1}；制度要求每 {2} 个月修订一次，经公司管理层审核通过后执行。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>修订日期</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>Show the plans of this version</source>
        <translation>查看该版本预案</translation>
    </message>
    <message>
        <source>Approved by (management)</source>
        <translation>批准人（管理层）</translation>
    </message>
    <message>
        <source>Note, e.g. the approval document</source>
        <translation>备注，如审批文件编号</translation>
    </message>
    <message>
        <source>Record the approval of the plans in use</source>
        <translation>登记现行预案的审批</translation>
    </message>
    <message>
        <source>Approval of the plans in use</source>
        <translation>现行预案的审批</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>not yet approved</source>
        <translation>尚未审批</translation>
    </message>
    <message>
        <source>{0} incidents, {1} drills</source>
        <translation>事件 {0} 起，演练 {1} 次</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>The approval is recorded with version {0}.</source>
        <translation>已登记版本 {0} 的审批。</translation>
    </message>
    <message>
        <source>Write who reviewed the plans.</source>
        <translation>请填写审核人。</translation>
    </message>
    <message>
        <source>Write who approved the plans.</source>
        <translation>请填写批准人。</translation>
    </message>
    <message>
        <source>The date is not a real day: write it as 2026-11-20.</source>
        <translation>日期无效：请按 2026-11-20 的格式填写。</translation>
    </message>
    <message>
        <source>The approval date is in the future.</source>
        <translation>审批日期晚于今天。</translation>
    </message>
    <message>
        <source>The approval date is before the revision it approves ({0}).</source>
        <translation>审批日期早于所审批的修订日期（{0}）。</translation>
    </message>
    <message>
        <source>A field is too long.</source>
        <translation>有一项内容过长。</translation>
    </message>
</context>
<context>
    <name>PlanVersionDialog</name>
    <message>
        <source>Plans, version {0}</source>
        <translation>预案 版本 {0}</translation>
    </message>
    <message>
        <source>The plans as they were in version {0} (kept with the records; later revisions do not change this text).</source>
        <translation>以下为版本 {0} 的预案原文（随记录保存，之后的修订不会改变这些内容）。</translation>
    </message>
</context>
<context>
    <name>PlansBrowser</name>
    <message>
        <source>Search the plans (name, step, script)</source>
        <translation>搜索预案（名称、步骤、话术）</translation>
    </message>
    <message>
        <source>Edit the plans…</source>
        <translation>编辑预案…</translation>
    </message>
    <message>
        <source>Print response card…</source>
        <translation>打印处置卡…</translation>
    </message>
    <message>
        <source>The response card of the situation shown, as a PDF to print</source>
        <translation>将当前预案的应急处置卡保存为 PDF，以便打印</translation>
    </message>
    <message>
        <source>A4 wall board…</source>
        <translation>A4 墙贴处置卡…</translation>
    </message>
    <message>
        <source>A6 pocket card (front and back)…</source>
        <translation>A6 口袋卡（正反两面）…</translation>
    </message>
    <message>
        <source>Print plan booklet…</source>
        <translation>打印预案手册…</translation>
    </message>
    <message>
        <source>Version {0} (revised {1})</source>
        <translation>版本 {0}（{1} 修订）</translation>
    </message>
    <message>
        <source>{0} · not signed</source>
        <translation>{0} · 未签发</translation>
    </message>
    <message>
        <source>{0} · signed by {1}</source>
        <translation>{0} · 签发人 {1}</translation>
    </message>
    <message>
        <source>{0} · signed by {1} on {2}</source>
        <translation>{0} · 签发人 {1}（{2}）</translation>
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
    <name>PrintPreview</name>
    <message>
        <source>No printer is installed on this computer.</source>
        <translation>这台电脑没有安装打印机。</translation>
    </message>
    <message>
        <source>The PDF cannot be shown for printing ({0}).</source>
        <translation>无法显示此 PDF 以供打印（{0}）。</translation>
    </message>
    <message>
        <source>Print preview — {0}</source>
        <translation>打印预览 — {0}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open in the system viewer</source>
        <translation>用系统阅读器打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Page width</source>
        <translation>页宽</translation>
    </message>
    <message>
        <source>Preparing the preview… page {0} of {1}</source>
        <translation>正在准备预览… 第 {0} / {1} 页</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} / {1} 页</translation>
    </message>
    <message>
        <source>Printing… page {0} of {1}</source>
        <translation>正在打印… 第 {0} / {1} 页</translation>
    </message>
    <message>
        <source>Sent to {0}.</source>
        <translation>已发送到 {0}。</translation>
    </message>
    <message>
        <source>the printer did not accept the pages</source>
        <translation>打印机未接收页面</translation>
    </message>
    <message>
        <source>Not printed to {0}: {1}. Try again, or open the PDF in the system viewer and print from there.</source>
        <translation>未能打印到 {0}：{1}。请重试，或用系统阅读器打开 PDF 后从那里打印。</translation>
    </message>
</context>
<context>
    <name>Readout</name>
    <message>
        <source>not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message>
        <source>called {0}</source>
        <translation>已呼叫{0}</translation>
    </message>
    <message>
        <source>reported to {0}</source>
        <translation>已报告{0}</translation>
    </message>
    <message>
        <source>done: {0}</source>
        <translation>已完成：{0}</translation>
    </message>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>涉及人员</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>已采取的措施</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>What is needed</source>
        <translation>需要的支援</translation>
    </message>
    <message>
        <source>nothing more</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>{0} (no number on file)</source>
        <translation>{0}（没有登记号码）</translation>
    </message>
    <message>
        <source>{0} yuan</source>
        <translation>{0} 元</translation>
    </message>
</context>
<context>
    <name>ReadoutDialog</name>
    <message>
        <source>Report to read out</source>
        <translation>汇报稿</translation>
    </message>
    <message>
        <source>Read this out on the phone. Reading it records nothing: mark whom you reported to.</source>
        <translation>电话汇报时照此宣读。宣读本身不计为报告：请点选已向谁报告。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Reported to {0}</source>
        <translation>已报告{0}</translation>
    </message>
    <message>
        <source>Confirm by phone</source>
        <translation>手机确认</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReadoutQr</name>
    <message>
        <source>Confirm by phone</source>
        <translation>手机确认</translation>
    </message>
    <message>
        <source>Let {0} scan this code with a phone, read the report and press 收到: the desk records it by itself.</source>
        <translation>请{0}用手机扫描此码，阅读报告后点“收到”，处置台会自动记录。</translation>
    </message>
    <message>
        <source>the leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>Happened at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Discovered at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>报告时间</translation>
    </message>
    <message>
        <source>Handled at</source>
        <translation>处置时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处置人</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <source>People involved (customers, staff, contacts)</source>
        <translation>涉及人员（客户、员工及联系方式）</translation>
    </message>
    <message>
        <source>Injuries</source>
        <translation>伤情</translation>
    </message>
    <message>
        <source>Loss (yuan)</source>
        <translation>损失金额（元）</translation>
    </message>
    <message>
        <source>Items lost or damaged</source>
        <translation>损失物品</translation>
    </message>
    <message>
        <source>Evidence kept (e.g. CCTV clip)</source>
        <translation>证据保全（如监控录像）</translation>
    </message>
    <message>
        <source>Evidence kept until</source>
        <translation>证据保留至</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>已采取的措施</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Aftercare: {0}</source>
        <translation>善后：{0}</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>回访日期</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Handling finished</source>
        <translation>处置完成</translation>
    </message>
    <message>
        <source>Close the incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Correct (amendment)</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Fill actions from the record</source>
        <translation>从处置记录填入措施</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Show the plan used</source>
        <translation>查看所用预案</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Report upward</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>[DRILL] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <source>Plan version {0}</source>
        <translation>预案版本 {0}</translation>
    </message>
    <message>
        <source>Unsaved text from before was restored.</source>
        <translation>已恢复上次未保存的内容。</translation>
    </message>
    <message>
        <source>Timeline intact: every entry checks out.</source>
        <translation>时间线完整：每条记录均校验通过。</translation>
    </message>
    <message>
        <source>⚠ The record or its timeline was changed outside the program ({0} problem(s)). Keep this file as evidence.</source>
        <translation>⚠ 记录或其时间线在本程序之外被改动（{0} 处问题）。请将此文件作为证据保存。</translation>
    </message>
    <message>
        <source>Required to close at this level</source>
        <translation>本级别结案必填</translation>
    </message>
    <message>
        <source>Draft saved {0}</source>
        <translation>草稿已自动保存 {0}</translation>
    </message>
    <message>
        <source>This record is closed; use a correction.</source>
        <translation>该记录已结案，请使用“更正”。</translation>
    </message>
    <message>
        <source>Not saved: {0} field(s) need attention. What you typed is kept.</source>
        <translation>未保存：有 {0} 处需要修改。已输入的内容都已保留。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not a time: write it as 2026-11-20 14:05.</source>
        <translation>时间格式不对：请写成 2026-11-20 14:05。</translation>
    </message>
    <message>
        <source>Not a date: write it as 2026-11-20.</source>
        <translation>日期格式不对：请写成 2026-11-20。</translation>
    </message>
    <message>
        <source>Not an amount: write a number of yuan, e.g. 5200.</source>
        <translation>金额格式不对：请填写元数，如 5200。</translation>
    </message>
    <message>
        <source>Longer than {0} characters: shorten it.</source>
        <translation>超过 {0} 个字，请缩短。</translation>
    </message>
    <message>
        <source>Earlier than the time it happened: check both.</source>
        <translation>早于发生时间，请核对。</translation>
    </message>
    <message>
        <source>Not exported: correct the marked fields first. What you typed is kept.</source>
        <translation>未导出：请先修改标出的栏目。已输入的内容都保留着。</translation>
    </message>
    <message>
        <source>Handling finished?</source>
        <translation>处置完成了吗？</translation>
    </message>
    <message>
        <source>The incident leaves the running list. Clocks for repairs and arrivals stop; reports still owed stay owed; deadlines that run from the end of handling start now.</source>
        <translation>事件将离开进行中列表。维修、到场类计时停止；尚未完成的报告仍须完成；自处置完成起算的时限现在开始计时。</translation>
    </message>
    <message>
        <source>Close the incident for good?</source>
        <translation>确定结案吗？</translation>
    </message>
    <message>
        <source>A closed record cannot be edited; later changes are added as corrections with your name, the time and why.</source>
        <translation>结案后记录不能再修改；之后的更正将作为修正记录附上，注明更正人、时间和原因。</translation>
    </message>
    <message>
        <source>Closed. Later corrections are added as amendments.</source>
        <translation>已结案。之后的更正将作为附加更正记录。</translation>
    </message>
    <message>
        <source>Mark the handling as finished first.</source>
        <translation>请先标记“处置完成”。</translation>
    </message>
    <message>
        <source>Cannot close yet: fill in the aftercare this level requires: {0}</source>
        <translation>暂不能结案：请填写本级别要求的善后事项：{0}</translation>
    </message>
    <message>
        <source>Cannot close yet: these deadlines are still open: {0}</source>
        <translation>暂不能结案：以下时限尚未完成：{0}</translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation>未记录：{0}</translation>
    </message>
    <message>
        <source>Not recorded: a correction needs the new text and the reason.</source>
        <translation>未记录：更正需要填写新内容和理由。</translation>
    </message>
    <message>
        <source>Correction recorded.</source>
        <translation>更正已记录。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Reporter</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>File (sign and send)</source>
        <translation>签发报送</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Report to write</source>
        <translation>本次报告</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>已报送的报告</translation>
    </message>
    <message>
        <source>Reports upward · {0} · {1}</source>
        <translation>信息报告 · {0} · {1}</translation>
    </message>
    <message>
        <source>DRILL</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>{0} · {1} · {2} / {3}</source>
        <translation>{0} · {1} · {2} / {3}</translation>
    </message>
    <message>
        <source>＋ Next: {0}</source>
        <translation>＋ 下一份：{0}</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>Prefilled from the record: check every field, then file. Once filed it cannot be changed; a correction is the next follow-up report.</source>
        <translation>已按事件记录预填：逐项核对后签发报送。报送后不能再改；如需更正，请在下一份续报中说明。</translation>
    </message>
    <message>
        <source>{0}, filed {1} by {2}. SHA-256 {3}</source>
        <translation>{0}，报送于 {1}，经办人 {2}。SHA-256 {3}</translation>
    </message>
    <message>
        <source>It no longer matches what was filed: it was changed outside the program.</source>
        <translation>本报告与报送时的内容不符：已在程序之外被改动。</translation>
    </message>
    <message>
        <source>File the {0}?</source>
        <translation>签发报送{0}？</translation>
    </message>
    <message>
        <source>Reporter {0}, approver {1}. A filed report is never changed: a correction is the next follow-up report.</source>
        <translation>报告人 {0}，签发人 {1}。报送后不能再改；如需更正，请在下一份续报中说明。</translation>
    </message>
    <message>
        <source>{0} filed at {1}.</source>
        <translation>{0}已于 {1} 报送。</translation>
    </message>
</context>
<context>
    <name>ReportFields</name>
    <message>
        <source>Overview of the unit where it happened</source>
        <translation>事故发生单位概况</translation>
    </message>
    <message>
        <source>Time and place, and the scene</source>
        <translation>事故发生的时间、地点以及事故现场情况</translation>
    </message>
    <message>
        <source>Brief account of what happened</source>
        <translation>事故的简要经过</translation>
    </message>
    <message>
        <source>Casualties caused or possible (including the missing)</source>
        <translation>事故已经造成或者可能造成的伤亡人数（包括下落不明的人数）</translation>
    </message>
    <message>
        <source>First estimate of the direct economic loss</source>
        <translation>初步估计的直接经济损失</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>已经采取的措施</translation>
    </message>
    <message>
        <source>Other matters to report</source>
        <translation>其他应当报告的情况</translation>
    </message>
    <message>
        <source>Amount involved (yuan)</source>
        <translation>涉及金额（元）</translation>
    </message>
    <message>
        <source>Number of people involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Customers' reaction</source>
        <translation>客户反应</translation>
    </message>
    <message>
        <source>Trend and next steps</source>
        <translation>发展趋势及下一步措施</translation>
    </message>
</context>
<context>
    <name>ReportRefusals</name>
    <message>
        <source>File the initial report first.</source>
        <translation>请先报送初报。</translation>
    </message>
    <message>
        <source>The initial report is already filed (another window or a second press): nothing was filed twice. File a follow-up report.</source>
        <translation>初报已经报送（另一个窗口或再按了一次），没有重复报送。请报送续报。</translation>
    </message>
    <message>
        <source>The final report is filed: no report can follow it.</source>
        <translation>终报已经报送：之后不能再报送。</translation>
    </message>
    <message>
        <source>This report was filed meanwhile (another window or a second press). Nothing was filed twice: the list shows what is filed now.</source>
        <translation>这份报告刚已报送（另一个窗口或再按了一次），没有重复报送：列表显示现已报送的报告。</translation>
    </message>
    <message>
        <source>Both the reporter and the approver must be named.</source>
        <translation>必须填写报告人和签发人。</translation>
    </message>
    <message>
        <source>A name is longer than 100 characters.</source>
        <translation>姓名超过 100 个字符。</translation>
    </message>
    <message>
        <source>A field is longer than 10,000 characters: shorten it.</source>
        <translation>有一项超过 10000 个字符：请缩短。</translation>
    </message>
    <message>
        <source>The incident was cancelled (pressed by mistake): nothing to report.</source>
        <translation>该事件已撤销（误按）：无需报告。</translation>
    </message>
</context>
<context>
    <name>ReportStages</name>
    <message>
        <source>Initial report</source>
        <translation>初报</translation>
    </message>
    <message>
        <source>Final report</source>
        <translation>终报</translation>
    </message>
    <message>
        <source>Follow-up report {0}</source>
        <translation>续报{0}</translation>
    </message>
</context>
<context>
    <name>RolesEditor</name>
    <message>
        <source>Add a role</source>
        <translation>添加角色</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Edit these people in Contacts…</source>
        <translation>在通讯录中编辑这些人员…</translation>
    </message>
    <message>
        <source>The people behind a role are the desk's contacts holding that role; the guided response and the timers offer them.</source>
        <translation>角色对应的人员就是通讯录中担任该角色的联系人；处置引导和计时卡会列出他们。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name of the role</source>
        <translation>角色名称</translation>
    </message>
    <message>
        <source>Public number</source>
        <translation>公共号码</translation>
    </message>
    <message>
        <source>e.g. 110, 95598 (optional)</source>
        <translation>例如 110、95598（可不填）</translation>
    </message>
    <message>
        <source>This kind of hall calls the role “{0}”: the name ships with the program (plans/editions.toml), so it is not changed in the draft.</source>
        <translation>本类大厅称此角色为“{0}”：名称随程序提供（plans/editions.toml），不在草稿中修改。</translation>
    </message>
    <message>
        <source>Nobody in the contacts holds this role yet.</source>
        <translation>通讯录中还没有人担任此角色。</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>新角色</translation>
    </message>
    <message>
        <source>Not removed: {0} in the contacts hold the role “{1}”. Give them another role first (Contacts).</source>
        <translation>未删除：通讯录中 {0} 担任角色“{1}”。请先为他们改设其他角色（通讯录）。</translation>
    </message>
    <message>
        <source>Remove the role “{0}”?</source>
        <translation>删除角色“{0}”？</translation>
    </message>
    <message>
        <source>The role “{0}” leaves the draft. The change is recorded; a step, deadline or level that names it keeps it.</source>
        <translation>角色“{0}”将从草稿中删除。此修改会被记录；若有步骤、时限或级别用到它，则不能删除。</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>New scenario</source>
        <translation>新建场景</translation>
    </message>
    <message>
        <source>Played as on a holiday (holiday deadlines apply)</source>
        <translation>按节假日演练（适用节假日时限）</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Further plan it calls for</source>
        <translation>需要启动的其他预案</translation>
    </message>
    <message>
        <source>Add an inject</source>
        <translation>添加情况</translation>
    </message>
    <message>
        <source>Remove the inject</source>
        <translation>删除情况</translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Plan to use</source>
        <translation>使用的预案</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Injects (minutes from the start)</source>
        <translation>演练推进情况（开始后第几分钟）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>These files have problems and are left out (they are not changed):</source>
        <translation>以下文件有错误，未载入（文件保持原样）：</translation>
    </message>
    <message>
        <source>A new scenario: it is saved in {0}</source>
        <translation>新场景：将保存在 {0}</translation>
    </message>
    <message>
        <source>Your scenario, saved in {0}</source>
        <translation>本厅编写的场景，保存在 {0}</translation>
    </message>
    <message>
        <source>A shipped scenario: saving keeps your version in {0}; the shipped file stays as it is.</source>
        <translation>随程序提供的场景：保存后您的版本存放在 {0}，原文件保持不变。</translation>
    </message>
    <message>
        <source>Not saved: correct what is marked in red.</source>
        <translation>未保存：请修改红字标出的内容。</translation>
    </message>
    <message>
        <source>Not saved: the folder {0} cannot be written ({1}). What you typed is still here.</source>
        <translation>未保存：无法写入文件夹 {0}（{1}）。已填写的内容仍保留在此。</translation>
    </message>
    <message>
        <source>Saved. It is in the list of scenarios to run.</source>
        <translation>已保存，可在演练场景列表中选用。</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text: save it as UTF-8</source>
        <translation>文件不是 UTF-8 编码：请另存为 UTF-8</translation>
    </message>
    <message>
        <source>the file cannot be read: {0}</source>
        <translation>文件无法读取：{0}</translation>
    </message>
    <message>
        <source>a scenario file holds one [drill] table</source>
        <translation>场景文件应只包含一个 [drill] 表</translation>
    </message>
    <message>
        <source>unknown field “{0}”</source>
        <translation>未知字段“{0}”</translation>
    </message>
    <message>
        <source>the key may hold lower-case letters, digits and _ only</source>
        <translation>键名只能包含小写字母、数字和下划线</translation>
    </message>
    <message>
        <source>write a title</source>
        <translation>请填写标题</translation>
    </message>
    <message>
        <source>too long: at most {0} characters</source>
        <translation>过长：最多 {0} 个字</translation>
    </message>
    <message>
        <source>choose a plan (“{0}” is not one)</source>
        <translation>请选择预案（“{0}”不是预案）</translation>
    </message>
    <message>
        <source>holiday must be true or false</source>
        <translation>holiday 只能是 true 或 false</translation>
    </message>
    <message>
        <source>add at least one inject</source>
        <translation>至少添加一条情况</translation>
    </message>
    <message>
        <source>at most {0} injects</source>
        <translation>最多 {0} 条情况</translation>
    </message>
    <message>
        <source>the minute must be a whole number from 0 to {0}</source>
        <translation>分钟须为 0 到 {0} 之间的整数</translation>
    </message>
    <message>
        <source>write what happens</source>
        <translation>请填写发生的情况</translation>
    </message>
    <message>
        <source>two files have the key “{0}”</source>
        <translation>有两个文件的键名都是“{0}”</translation>
    </message>
    <message>
        <source>not a regular file (a folder, pipe or device)</source>
        <translation>不是普通文件（是文件夹、管道或设备）</translation>
    </message>
    <message>
        <source>the file is too large to be a scenario</source>
        <translation>文件过大，不可能是演练脚本</translation>
    </message>
    <message>
        <source>the file is nested too deeply to be a scenario</source>
        <translation>文件嵌套层数过多，不可能是演练脚本</translation>
    </message>
    <message>
        <source>Inject {0}: {1}</source>
        <translation>第 {0} 条情况：{1}</translation>
    </message>
</context>
<context>
    <name>ScenarioList</name>
    <message>
        <source> (own)</source>
        <translation>（本厅编写）</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Emergency</source>
        <translation>应急处置</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件记录</translation>
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
        <source>Statistics</source>
        <translation>统计</translation>
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
        <source>Test the alarm sound</source>
        <translation>试听报警声</translation>
    </message>
    <message>
        <source>Playing the alarm for 3 seconds through: {0}</source>
        <translation>正在试听报警声 3 秒，播放方式：{0}</translation>
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
        <source>Alarm volume</source>
        <translation>报警音量</translation>
    </message>
    <message>
        <source>Time zone of the hall</source>
        <translation>营业厅所在时区</translation>
    </message>
    <message>
        <source>Backup folder (empty: beside the database)</source>
        <translation>备份文件夹（留空：数据库旁的 backups）</translation>
    </message>
    <message>
        <source>Kind of hall</source>
        <translation>大厅类型</translation>
    </message>
    <message>
        <source>Not saved: “{0}” is not a time zone name. Write one such as Asia/Shanghai or Asia/Urumqi.</source>
        <translation>未保存：“{0}”不是时区名称。请填写如 Asia/Shanghai 或 Asia/Urumqi 的时区名称。</translation>
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
        <source>{0}% (for screens of 1920×1080 or more)</source>
        <translation>{0}%（适合 1920×1080 及以上屏幕）</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Every plan (all kinds of hall)</source>
        <translation>全部预案（各类大厅）</translation>
    </message>
    <message>
        <source>The new text size shows now.</source>
        <translation>新的文字大小已生效。</translation>
    </message>
    <message>
        <source>The time zone changes at the next start.</source>
        <translation>时区将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Backups go to the new folder from the next start.</source>
        <translation>下次启动起备份将存入新的文件夹。</translation>
    </message>
    <message>
        <source>The hall's plans change at the next start; incidents running then keep the plans they started with.</source>
        <translation>大厅预案将在下次启动时更换；届时仍在处置的事件继续使用开始时的预案。</translation>
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
<context>
    <name>SituationForm</name>
    <message>
        <source>Name of the situation</source>
        <translation>情形名称</translation>
    </message>
    <message>
        <source>Button label (at most 8 characters)</source>
        <translation>按钮简称（最多 8 个字）</translation>
    </message>
    <message>
        <source>Default level</source>
        <translation>默认级别</translation>
    </message>
    <message>
        <source>What {0} says it is</source>
        <translation>{0} 所述说明</translation>
    </message>
    <message>
        <source>Supplies {0} names (one per line)</source>
        <translation>{0} 所列物资（每行一项）</translation>
    </message>
    <message>
        <source>The hall's own description (beside the documents')</source>
        <translation>本厅补充的说明（与文件所述并列）</translation>
    </message>
    <message>
        <source>The hall's own supplies (one per line)</source>
        <translation>本厅补充的物资（每行一项）</translation>
    </message>
    <message>
        <source>Words to say (one per line)</source>
        <translation>话术（每行一句）</translation>
    </message>
    <message>
        <source>Add a deadline</source>
        <translation>添加时限</translation>
    </message>
    <message>
        <source>Add a threshold</source>
        <translation>添加阈值</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
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
        <source>What is measured</source>
        <translation>衡量内容</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Threshold {0}</source>
        <translation>阈值{0}</translation>
    </message>
    <message>
        <source>New deadline: write what must be done</source>
        <translation>新时限：请填写须完成的事项</translation>
    </message>
    <message>
        <source>New threshold: write what is measured</source>
        <translation>新阈值：请填写衡量内容</translation>
    </message>
    <message>
        <source>Remove this deadline?</source>
        <translation>删除此时限？</translation>
    </message>
    <message>
        <source>The deadline “{0}” leaves the draft. The change is recorded.</source>
        <translation>时限“{0}”将从草稿中删除。此修改会被记录。</translation>
    </message>
    <message>
        <source>Remove this threshold?</source>
        <translation>删除此阈值？</translation>
    </message>
    <message>
        <source>The threshold “{0}” leaves the draft. The change is recorded.</source>
        <translation>阈值“{0}”将从草稿中删除。此修改会被记录。</translation>
    </message>
</context>
<context>
    <name>StatsScreen</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一期</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一期 ▶</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Incidents by category</source>
        <translation>按类别统计</translation>
    </message>
    <message>
        <source>Incidents by level</source>
        <translation>按级别统计</translation>
    </message>
    <message>
        <source>Incidents by desk</source>
        <translation>按服务台统计</translation>
    </message>
    <message>
        <source>Incidents month by month</source>
        <translation>逐月事件数</translation>
    </message>
    <message>
        <source>Missed and late deadlines month by month</source>
        <translation>逐月超时未报与迟报</translation>
    </message>
    <message>
        <source>Time to first action</source>
        <translation>首次处置用时</translation>
    </message>
    <message>
        <source>Deadlines met within</source>
        <translation>时限完成用时</translation>
    </message>
    <message>
        <source>Drills and training against what is due</source>
        <translation>演练与培训完成情况</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{0} Q{1}</source>
        <translation>{0}年第{1}季度</translation>
    </message>
    <message>
        <source>{0} incidents (drills and presses cancelled as made by mistake not counted); {1} deadlines missed and {2} met late; first action: median {3}.</source>
        <translation>共 {0} 起事件（演练及误按撤销的不计）；超时未报 {1} 项，迟报 {2} 项；首次处置用时中位数 {3}。</translation>
    </message>
    <message>
        <source> Integrity check FAILED: {0} incidents changed outside the program ({1}); these figures cannot be trusted.</source>
        <translation>完整性校验：未通过——{0} 起事件在本程序之外被改动（{1}），以上数字不可采信。</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>(no desk name)</source>
        <translation>（未命名服务台）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>起数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Number of incidents</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>超时未报</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Deadlines missed</source>
        <translation>超时未报</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规定</translation>
    </message>
    <message>
        <source>Every (months)</source>
        <translation>周期（月）</translation>
    </message>
    <message>
        <source>Due in 12 months</source>
        <translation>近12个月应做</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已做</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期未做</translation>
    </message>
    <message>
        <source>Due in the period</source>
        <translation>本期应做</translation>
    </message>
    <message>
        <source>Done in the period</source>
        <translation>本期已做</translation>
    </message>
    <message>
        <source>The drill rules could not be read: {0}</source>
        <translation>无法读取演练规定：{0}</translation>
    </message>
    <message>
        <source>No incidents in this period.</source>
        <translation>本期无事件。</translation>
    </message>
    <message>
        <source>The numbers could not be read: {0}. Nothing was changed; try again, or run verify on the database.</source>
        <translation>未能读取统计数据：{0}。未作任何更改；请重试，或对数据库运行 verify 检查。</translation>
    </message>
    <message>
        <source>Within 1 min</source>
        <translation>1分钟内</translation>
    </message>
    <message>
        <source>1 to 5 min</source>
        <translation>1–5分钟</translation>
    </message>
    <message>
        <source>5 to 10 min</source>
        <translation>5–10分钟</translation>
    </message>
    <message>
        <source>10 to 60 min</source>
        <translation>10–60分钟</translation>
    </message>
    <message>
        <source>Over 60 min</source>
        <translation>超过60分钟</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>none done</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0}分{1}秒</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0}秒</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Open</source>
        <translation>待处置</translation>
    </message>
    <message>
        <source>In hand</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>What to do</source>
        <translation>步骤内容</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>执行角色</translation>
    </message>
    <message>
        <source>Calls (roles, separated by 、)</source>
        <translation>拨打/通知（角色，用“、”分隔）</translation>
    </message>
    <message>
        <source>Words to say (one per line)</source>
        <translation>话术（每行一句）</translation>
    </message>
    <message>
        <source>Only if</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>After the incident</source>
        <translation>事后</translation>
    </message>
    <message>
        <source>done once the incident is over</source>
        <translation>事件结束后才做</translation>
    </message>
    <message>
        <source>e.g. 火势较大</source>
        <translation>例如：火势较大</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <source>Afterwards</source>
        <translation>事后进行</translation>
    </message>
    <message>
        <source>→ Switch to: {0}</source>
        <translation>→ 转入：{0}</translation>
    </message>
</context>
<context>
    <name>StepsEditor</name>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source> (after)</source>
        <translation>（事后）</translation>
    </message>
    <message>
        <source>New step: write what to do</source>
        <translation>新步骤：请填写要做的事</translation>
    </message>
    <message>
        <source>Remove step {0}?</source>
        <translation>删除第 {0} 步？</translation>
    </message>
    <message>
        <source>Step {0} leaves the draft: “{1}”. The change is recorded.</source>
        <translation>第 {0} 步将从草稿中删除：“{1}”。此修改会被记录。</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>This file is older than the hub's copy (restored from a backup?): not syncing</source>
        <translation>本机记录比服务器上的旧（从备份恢复？）：已停止同步</translation>
    </message>
    <message>
        <source>Records differ from the hub's copy: not syncing; run verify</source>
        <translation>本机记录与服务器上的不一致：已停止同步，请运行校验</translation>
    </message>
    <message>
        <source>The hub withdrew this desk's enrolment: enrol again</source>
        <translation>服务器已撤销本台的登记：请重新登记</translation>
    </message>
    <message>
        <source>The hub is older than this desk: update the hub</source>
        <translation>服务器版本比本台旧：请升级服务器</translation>
    </message>
    <message>
        <source>Synced · {0}</source>
        <translation>已同步 · {0}</translation>
    </message>
    <message>
        <source>Not synced: {0} · never synced</source>
        <translation>未同步 {0} 条 · 尚未同步过</translation>
    </message>
    <message>
        <source>Not synced: {0} · last synced {1}</source>
        <translation>未同步 {0} 条 · 上次同步 {1}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Started: {0}</source>
        <translation>启动：{0}</translation>
    </message>
    <message>
        <source>✓ {0}</source>
        <translation>✓ {0}</translation>
    </message>
    <message>
        <source>✗ undone: {0}</source>
        <translation>✗ 撤销：{0}</translation>
    </message>
    <message>
        <source>☎ called {0}</source>
        <translation>☎ 已呼叫 {0}</translation>
    </message>
    <message>
        <source>☎ no number on file: {0} (not called)</source>
        <translation>☎ 没有登记号码：{0}（未拨打）</translation>
    </message>
    <message>
        <source>Reported to {0}</source>
        <translation>已报告{0}</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>备注：{0}</translation>
    </message>
    <message>
        <source>Level changed: {0}</source>
        <translation>级别变更：{0}</translation>
    </message>
    <message>
        <source>Plan switched to {0}</source>
        <translation>转入预案：{0}</translation>
    </message>
    <message>
        <source>Cancelled: {0}</source>
        <translation>已取消：{0}</translation>
    </message>
    <message>
        <source>Handling finished</source>
        <translation>处置完成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Record saved: {0}</source>
        <translation>记录已保存：{0}</translation>
    </message>
    <message>
        <source>Amended: {0}</source>
        <translation>更正：{0}</translation>
    </message>
    <message>
        <source>Clock started: {0}</source>
        <translation>计时开始：{0}</translation>
    </message>
    <message>
        <source>Done in time: {0}</source>
        <translation>按时完成：{0}</translation>
    </message>
    <message>
        <source>⚠ Deadline missed: {0}</source>
        <translation>⚠ 超时：{0}</translation>
    </message>
    <message>
        <source>Decision point reached: {0}</source>
        <translation>到达决策点：{0}</translation>
    </message>
    <message>
        <source>No longer due: {0}</source>
        <translation>计时作废：{0}</translation>
    </message>
    <message>
        <source>Alarm acknowledged: {0}</source>
        <translation>已确认报警：{0}</translation>
    </message>
    <message>
        <source>Report shared for confirmation by phone: {0}</source>
        <translation>读出稿已发手机确认：{0}</translation>
    </message>
    <message>
        <source>☎ Incoming call: {0}</source>
        <translation>☎ 来电：{0}</translation>
    </message>
    <message>
        <source>{0} confirmed receipt (phone) {1}</source>
        <translation>{0} 已确认收到 (手机) {1}</translation>
    </message>
    <message>
        <source>Decided: {0}</source>
        <translation>已决定：{0}</translation>
    </message>
    <message>
        <source>Done {0}:{1:02d} late: {2}</source>
        <translation>迟了 {0}:{1:02d} 完成：{2}</translation>
    </message>
    <message>
        <source>Level {0} → {1}: {2}</source>
        <translation>级别 {0} → {1}：{2}</translation>
    </message>
    <message>
        <source>Amended {0}: “{1}” → “{2}” ({3})</source>
        <translation>更正{0}：“{1}” → “{2}”（{3}）</translation>
    </message>
    <message>
        <source>The PC's clock was set {0} min ahead; the desk kept its own time</source>
        <translation>电脑时钟被调快了 {0} 分钟；处置台按实际经过的时间继续计时</translation>
    </message>
    <message>
        <source>The PC's clock was set {0} min back; the desk kept its own time</source>
        <translation>电脑时钟被调慢了 {0} 分钟；处置台按实际经过的时间继续计时</translation>
    </message>
    <message>
        <source>Report filed upward: {0} (reporter {1}, approver {2})</source>
        <translation>已报送信息报告：{0}（报告人 {1}，签发人 {2}）</translation>
    </message>
</context>
<context>
    <name>TimerPanel</name>
    <message>
        <source>No deadlines running</source>
        <translation>当前没有计时中的时限</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报告</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>已公告</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已做</translation>
    </message>
    <message>
        <source>Today: holiday</source>
        <translation>今天：节假日</translation>
    </message>
    <message>
        <source>Today: workday</source>
        <translation>今天：工作日</translation>
    </message>
    <message>
        <source> (calendar has no data for this year)</source>
        <translation>（节假日日历无本年数据，按周末计）</translation>
    </message>
    <message>
        <source>Count today as a workday (deadlines use workday times)</source>
        <translation>改为工作日（时限按工作日计）</translation>
    </message>
    <message>
        <source>Count today as a holiday (deadlines use holiday times)</source>
        <translation>改为节假日（时限按节假日计）</translation>
    </message>
    <message>
        <source>{0} more</source>
        <translation>另 {0} 项</translation>
    </message>
    <message>
        <source>Turn the mouse wheel over the cards to see the others</source>
        <translation>在卡片上滚动鼠标滚轮可查看其余各项</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training session</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Drill (held outside the program)</source>
        <translation>演练（未在本程序中进行）</translation>
    </message>
    <message>
        <source>Live drill (实战)</source>
        <translation>实战演练</translation>
    </message>
    <message>
        <source>Tabletop drill (桌面)</source>
        <translation>桌面演练</translation>
    </message>
    <message>
        <source>Fire and evacuation drill</source>
        <translation>灭火和应急疏散演练</translation>
    </message>
    <message>
        <source>Topic, e.g. plans, scripts, safety</source>
        <translation>主题，如预案内容、沟通话术、安全防护</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record it</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已登记。</translation>
    </message>
    <message>
        <source>The date is not a real day: write it as 2026-11-20.</source>
        <translation>日期无效：请按 2026-11-20 的格式填写。</translation>
    </message>
    <message>
        <source>The date is in the future: record a session after it is held.</source>
        <translation>日期晚于今天：请在培训举行后再登记。</translation>
    </message>
    <message>
        <source>The date is before 2000: check the year.</source>
        <translation>日期早于 2000 年：请检查年份。</translation>
    </message>
    <message>
        <source>Write the topic first.</source>
        <translation>请先填写主题。</translation>
    </message>
    <message>
        <source>A field is too long: shorten the topic, names or notes.</source>
        <translation>内容过长：请缩短主题、姓名或备注。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>score {0} / 100</source>
        <translation>得分 {0} / 100</translation>
    </message>
</context>
</TS>