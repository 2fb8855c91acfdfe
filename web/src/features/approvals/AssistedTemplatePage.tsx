import { useNavigate, useParams } from 'react-router';
import { TemplateEditor } from './TemplateEditor';

/** 协助管理 in the member area: an assistant edits a template they help manage (not its assistants). */
export function AssistedTemplatePage() {
  const { templateId } = useParams<{ templateId: string }>();
  const navigate = useNavigate();
  return <TemplateEditor templateId={templateId!} onDone={() => void navigate('/app/approvals')} setsAssistants={false} />;
}
