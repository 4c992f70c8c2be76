-- The loop tells the truth (templates and notices).
--
-- 1. Templates gain a fourth kind, the progress update between the steps.
ALTER TABLE message_templates DROP CONSTRAINT IF EXISTS message_templates_step_check;
ALTER TABLE message_templates ADD CONSTRAINT message_templates_step_check
  CHECK (step IN ('thank', 'readback', 'apologise', 'update'));

-- 2. The default templates an org never edited get the corrected text: a concrete time wherever
-- something is promised (the thank-you said "as soon as possible", which the brief forbids),
-- thanks first, then the facts. A template that differs from the old default in its name,
-- subject or body was edited, and is left alone.
UPDATE message_templates
SET name = $t$Cảm ơn và xác nhận đã nhận$t$,
  subject = $t$[{{reference}}] Cảm ơn anh/chị đã phản ánh$t$,
  body = $t$Kính gửi {{customerName}},

{{orgName}} chân thành cảm ơn anh/chị đã dành thời gian cho chúng tôi biết sự việc. Ý kiến của anh/chị giúp chúng tôi phục vụ tốt hơn.

Chúng tôi đã nhận khiếu nại của anh/chị, mã khiếu nại: {{reference}}.
Nhân viên chăm sóc khách hàng sẽ liên hệ lại với anh/chị để làm rõ thông tin trước {{firstResponseDueAt}}.

Anh/chị có thể theo dõi tiến trình xử lý và trao đổi với chúng tôi tại:
{{trackingUrl}}

Trân trọng,
{{orgName}}$t$,
  updated_at = now()
WHERE step = 'thank' AND language = 'vi'
  AND name = $t$Cảm ơn và xác nhận đã nhận$t$
  AND subject = $t$[{{reference}}] Cảm ơn anh/chị đã phản ánh$t$
  AND body = $t$Kính gửi {{customerName}},

{{orgName}} chân thành cảm ơn anh/chị đã dành thời gian phản ánh với chúng tôi. Ý kiến của anh/chị giúp chúng tôi phục vụ tốt hơn.

Mã khiếu nại của anh/chị: {{reference}}
Anh/chị có thể theo dõi tiến trình xử lý và trao đổi với chúng tôi tại:
{{trackingUrl}}

Nhân viên chăm sóc khách hàng sẽ liên hệ lại để xác nhận thông tin trong thời gian sớm nhất.

Trân trọng,
{{orgName}}$t$;

UPDATE message_templates
SET name = $t$Thank you and acknowledgement$t$,
  subject = $t$[{{reference}}] Thank you for telling us$t$,
  body = $t$Dear {{customerName}},

Thank you for taking the time to tell {{orgName}} about this. Your feedback helps us serve you better.

We have received your complaint under reference {{reference}}.
A member of our customer care team will contact you to go through the details by {{firstResponseDueAt}}.

You can follow its progress and write to us here:
{{trackingUrl}}

Kind regards,
{{orgName}}$t$,
  updated_at = now()
WHERE step = 'thank' AND language = 'en'
  AND name = $t$Thank you and acknowledgement$t$
  AND subject = $t$[{{reference}}] Thank you for telling us$t$
  AND body = $t$Dear {{customerName}},

Thank you for taking the time to tell {{orgName}} about this. Your feedback helps us serve you better.

Your complaint reference: {{reference}}
You can follow its progress and write to us here:
{{trackingUrl}}

A member of our customer care team will contact you shortly to confirm the details.

Kind regards,
{{orgName}}$t$;

UPDATE message_templates
SET name = $t$致谢与受理确认$t$,
  subject = $t$[{{reference}}] 感谢您的反馈$t$,
  body = $t$尊敬的{{customerName}}：

衷心感谢您抽出时间向{{orgName}}反映问题，您的意见帮助我们改进服务。

我们已受理您的投诉，投诉编号：{{reference}}。
客服专员将在{{firstResponseDueAt}}之前与您联系，核实相关情况。

您可以通过以下链接查看处理进度并与我们沟通：
{{trackingUrl}}

此致
{{orgName}}$t$,
  updated_at = now()
WHERE step = 'thank' AND language = 'zh'
  AND name = $t$致谢与受理确认$t$
  AND subject = $t$[{{reference}}] 感谢您的反馈$t$
  AND body = $t$尊敬的{{customerName}}：

衷心感谢您抽出时间向{{orgName}}反映问题，您的意见帮助我们改进服务。

您的投诉编号：{{reference}}
您可以通过以下链接查看处理进度并与我们沟通：
{{trackingUrl}}

客服专员将尽快与您联系，核实相关情况。

此致
{{orgName}}$t$;

UPDATE message_templates
SET name = $t$Xác nhận lại thông tin$t$,
  subject = $t$[{{reference}}] Vui lòng xác nhận lại thông tin khiếu nại$t$,
  body = $t$Kính gửi {{customerName}},

Cảm ơn anh/chị đã trao đổi với chúng tôi. Để xử lý chính xác, chúng tôi xin tóm tắt lại nội dung anh/chị đã phản ánh:

{{readBack}}

Anh/chị vui lòng xác nhận thông tin trên là đúng, hoặc cho chúng tôi biết điểm cần sửa, tại:
{{trackingUrl}}

Thời hạn khắc phục chúng tôi đã cam kết: {{fixDueAt}}.

Trân trọng,
{{agentName}} – {{orgName}}$t$,
  updated_at = now()
WHERE step = 'readback' AND language = 'vi'
  AND name = $t$Xác nhận lại thông tin$t$
  AND subject = $t$[{{reference}}] Vui lòng xác nhận lại thông tin khiếu nại$t$
  AND body = $t$Kính gửi {{customerName}},

Để xử lý chính xác, chúng tôi xin tóm tắt lại nội dung anh/chị đã phản ánh:

{{readBack}}

Anh/chị vui lòng xác nhận thông tin trên là đúng, hoặc cho chúng tôi biết điểm cần sửa, tại:
{{trackingUrl}}

Trân trọng,
{{agentName}} – {{orgName}}$t$;

UPDATE message_templates
SET name = $t$Read-back of the facts$t$,
  subject = $t$[{{reference}}] Please confirm the details of your complaint$t$,
  body = $t$Dear {{customerName}},

Thank you for talking this through with us. To make sure we get it right, here is our summary of what you told us:

{{readBack}}

Please confirm that this is correct, or tell us what to change, here:
{{trackingUrl}}

The fix date we have committed to: {{fixDueAt}}.

Kind regards,
{{agentName}} – {{orgName}}$t$,
  updated_at = now()
WHERE step = 'readback' AND language = 'en'
  AND name = $t$Read-back of the facts$t$
  AND subject = $t$[{{reference}}] Please confirm the details of your complaint$t$
  AND body = $t$Dear {{customerName}},

To make sure we get this right, here is our summary of what you told us:

{{readBack}}

Please confirm that this is correct, or tell us what to change, here:
{{trackingUrl}}

Kind regards,
{{agentName}} – {{orgName}}$t$;

UPDATE message_templates
SET name = $t$复述确认$t$,
  subject = $t$[{{reference}}] 请确认您的投诉内容$t$,
  body = $t$尊敬的{{customerName}}：

感谢您与我们沟通。为确保准确处理，我们将您反映的情况复述如下：

{{readBack}}

请通过以下链接确认以上内容无误，或告诉我们需要更正之处：
{{trackingUrl}}

我们承诺的解决时限：{{fixDueAt}}。

此致
{{agentName}} – {{orgName}}$t$,
  updated_at = now()
WHERE step = 'readback' AND language = 'zh'
  AND name = $t$复述确认$t$
  AND subject = $t$[{{reference}}] 请确认您的投诉内容$t$
  AND body = $t$尊敬的{{customerName}}：

为确保准确处理，我们将您反映的情况复述如下：

{{readBack}}

请通过以下链接确认以上内容无误，或告诉我们需要更正之处：
{{trackingUrl}}

此致
{{agentName}} – {{orgName}}$t$;

UPDATE message_templates
SET name = $t$Xin lỗi và nhận trách nhiệm$t$,
  subject = $t$[{{reference}}] Lời xin lỗi từ {{orgName}}$t$,
  body = $t$Kính gửi {{customerName}},

Cảm ơn anh/chị đã kiên nhẫn trao đổi với chúng tôi về khiếu nại {{reference}}.

Chúng tôi thành thật xin lỗi vì sự việc anh/chị đã gặp phải. Đây là sai sót của chúng tôi, và chúng tôi nhận trách nhiệm khắc phục.

Thời hạn khắc phục chúng tôi đã cam kết: {{fixDueAt}}.
Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước {{commitmentDueAt}}.
Chúng tôi sẽ cập nhật tiến độ cho anh/chị trước {{nextUpdateDueAt}}.

Anh/chị có thể theo dõi và trao đổi với chúng tôi tại: {{trackingUrl}}

Trân trọng,
{{agentName}} – {{orgName}}$t$,
  updated_at = now()
WHERE step = 'apologise' AND language = 'vi'
  AND name = $t$Lời xin lỗi chân thành$t$
  AND subject = $t$[{{reference}}] Lời xin lỗi từ {{orgName}}$t$
  AND body = $t$Kính gửi {{customerName}},

Chúng tôi thành thật xin lỗi vì sự bất tiện anh/chị đã gặp phải. Chúng tôi hiểu điều này đã gây phiền lòng cho anh/chị và chúng tôi nhận trách nhiệm khắc phục.

Chúng tôi sẽ thông báo thời hạn xử lý cụ thể và giữ liên lạc với anh/chị cho đến khi sự việc được giải quyết.

Trân trọng,
{{agentName}} – {{orgName}}$t$
  AND NOT EXISTS (SELECT 1 FROM message_templates taken
    WHERE taken.org_id = message_templates.org_id AND taken.step = 'apologise'
      AND taken.language = 'vi' AND taken.name = $t$Xin lỗi và nhận trách nhiệm$t$);

UPDATE message_templates
SET name = $t$Apology, taking responsibility$t$,
  subject = $t$[{{reference}}] An apology from {{orgName}}$t$,
  body = $t$Dear {{customerName}},

Thank you for your patience while we talked through complaint {{reference}}.

We are truly sorry for what happened. The mistake was ours, and we take responsibility for putting it right.

The fix date we have committed to: {{fixDueAt}}.
We will give you a concrete date for the fix by {{commitmentDueAt}}.
We will update you on progress by {{nextUpdateDueAt}}.

You can follow it and write to us here: {{trackingUrl}}

Kind regards,
{{agentName}} – {{orgName}}$t$,
  updated_at = now()
WHERE step = 'apologise' AND language = 'en'
  AND name = $t$Sincere apology$t$
  AND subject = $t$[{{reference}}] An apology from {{orgName}}$t$
  AND body = $t$Dear {{customerName}},

We are truly sorry for the trouble you have had. We understand how frustrating this has been, and we take responsibility for putting it right.

We will give you a concrete date for the fix and keep you updated until it is resolved.

Kind regards,
{{agentName}} – {{orgName}}$t$
  AND NOT EXISTS (SELECT 1 FROM message_templates taken
    WHERE taken.org_id = message_templates.org_id AND taken.step = 'apologise'
      AND taken.language = 'en' AND taken.name = $t$Apology, taking responsibility$t$);

UPDATE message_templates
SET name = $t$道歉并承担责任$t$,
  subject = $t$[{{reference}}] {{orgName}}向您致歉$t$,
  body = $t$尊敬的{{customerName}}：

感谢您耐心地与我们沟通投诉 {{reference}}。

对于您遇到的情况，我们深表歉意。这是我们的失误，我们将负责妥善解决。

我们承诺的解决时限：{{fixDueAt}}。
我们将在{{commitmentDueAt}}之前告知您明确的解决时限。
我们将在{{nextUpdateDueAt}}之前向您更新处理进展。

查看进度并与我们沟通：{{trackingUrl}}

此致
{{agentName}} – {{orgName}}$t$,
  updated_at = now()
WHERE step = 'apologise' AND language = 'zh'
  AND name = $t$诚挚道歉$t$
  AND subject = $t$[{{reference}}] {{orgName}}向您致歉$t$
  AND body = $t$尊敬的{{customerName}}：

对于给您带来的不便，我们深表歉意。我们理解这给您造成了困扰，我们将负责妥善解决。

我们会告知您明确的处理时限，并在问题解决前与您保持联系。

此致
{{agentName}} – {{orgName}}$t$
  AND NOT EXISTS (SELECT 1 FROM message_templates taken
    WHERE taken.org_id = message_templates.org_id AND taken.step = 'apologise'
      AND taken.language = 'zh' AND taken.name = $t$道歉并承担责任$t$);

-- 3. Every org gets the templates that are new: the empathy-only apology (feelings acknowledged,
-- no fault accepted) beside the one that takes responsibility, and the progress update.
INSERT INTO message_templates (org_id, step, language, name, subject, body)
SELECT o.id, t.step, t.language, t.name, t.subject, t.body
FROM orgs o
CROSS JOIN (VALUES
  ('apologise', 'vi', $t$Đồng cảm (không nhận lỗi)$t$,
   $t$[{{reference}}] Chúng tôi hiểu điều anh/chị đã gặp$t$,
   $t$Kính gửi {{customerName}},

Cảm ơn anh/chị đã chia sẻ với chúng tôi về khiếu nại {{reference}}.

Chúng tôi rất hiểu anh/chị đã cảm thấy khó chịu và mất thời gian như thế nào, và chúng tôi rất tiếc vì anh/chị đã phải trải qua điều này. Chúng tôi đang cùng các bộ phận liên quan tìm hiểu kỹ sự việc.

Thời hạn khắc phục chúng tôi đã cam kết: {{fixDueAt}}.
Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước {{commitmentDueAt}}.
Chúng tôi sẽ cập nhật tiến độ cho anh/chị trước {{nextUpdateDueAt}}.

Anh/chị có thể theo dõi và trao đổi với chúng tôi tại: {{trackingUrl}}

Trân trọng,
{{agentName}} – {{orgName}}$t$),
  ('apologise', 'en', $t$Empathy, without accepting fault$t$,
   $t$[{{reference}}] We understand what you went through$t$,
   $t$Dear {{customerName}},

Thank you for telling us about complaint {{reference}}.

We understand how frustrating and time-consuming this has been for you, and we are sorry you have had to go through it. We are looking into what happened with the teams involved.

The fix date we have committed to: {{fixDueAt}}.
We will give you a concrete date for the fix by {{commitmentDueAt}}.
We will update you on progress by {{nextUpdateDueAt}}.

You can follow it and write to us here: {{trackingUrl}}

Kind regards,
{{agentName}} – {{orgName}}$t$),
  ('apologise', 'zh', $t$共情（不承认过错）$t$,
   $t$[{{reference}}] 我们理解您的感受$t$,
   $t$尊敬的{{customerName}}：

感谢您告诉我们投诉 {{reference}} 的情况。

我们非常理解这件事给您带来的困扰和时间上的耽误，很遗憾让您经历这些。我们正在与相关部门一起认真核查事情经过。

我们承诺的解决时限：{{fixDueAt}}。
我们将在{{commitmentDueAt}}之前告知您明确的解决时限。
我们将在{{nextUpdateDueAt}}之前向您更新处理进展。

查看进度并与我们沟通：{{trackingUrl}}

此致
{{agentName}} – {{orgName}}$t$),
  ('update', 'vi', $t$Cập nhật tiến độ$t$,
   $t$[{{reference}}] Cập nhật tình hình xử lý khiếu nại$t$,
   $t$Kính gửi {{customerName}},

Cảm ơn anh/chị đã kiên nhẫn chờ đợi. Chúng tôi xin cập nhật tình hình xử lý khiếu nại {{reference}}:

Thời hạn khắc phục chúng tôi đã cam kết: {{fixDueAt}}.
Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước {{commitmentDueAt}}.
Lần cập nhật tiếp theo: trước {{nextUpdateDueAt}}.

Anh/chị có thể xem chi tiết và trao đổi với chúng tôi tại: {{trackingUrl}}

Trân trọng,
{{agentName}} – {{orgName}}$t$),
  ('update', 'en', $t$Progress update$t$,
   $t$[{{reference}}] An update on your complaint$t$,
   $t$Dear {{customerName}},

Thank you for your patience. Here is where complaint {{reference}} stands:

The fix date we have committed to: {{fixDueAt}}.
We will give you a concrete date for the fix by {{commitmentDueAt}}.
Our next update: by {{nextUpdateDueAt}}.

You can see the details and write to us here: {{trackingUrl}}

Kind regards,
{{agentName}} – {{orgName}}$t$),
  ('update', 'zh', $t$进展更新$t$,
   $t$[{{reference}}] 您的投诉处理进展$t$,
   $t$尊敬的{{customerName}}：

感谢您的耐心等待。现将投诉 {{reference}} 的处理进展告知如下：

我们承诺的解决时限：{{fixDueAt}}。
我们将在{{commitmentDueAt}}之前告知您明确的解决时限。
下次更新：{{nextUpdateDueAt}}之前。

查看详情并与我们沟通：{{trackingUrl}}

此致
{{agentName}} – {{orgName}}$t$)
) AS t (step, language, name, subject, body)
ON CONFLICT (org_id, step, language, name) DO NOTHING;

-- 4. Notices are shown grouped per case and kind, and mailed grouped the same way: the mail job
-- takes every notice of the group not mailed yet. The ones that exist were mailed one by one.
ALTER TABLE notices ADD COLUMN mailed_at timestamptz;
UPDATE notices SET mailed_at = created_at;
CREATE INDEX notices_unmailed_idx ON notices (org_id, user_id, kind, complaint_id)
  WHERE mailed_at IS NULL;
