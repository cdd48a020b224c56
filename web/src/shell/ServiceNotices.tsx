import { useEffect, useState, useSyncExternalStore } from 'react';
import { onServiceNotices, serviceNotices, unavailableLabels } from '../api/notices';

/** 系统繁忙，N 秒后自动重试 / 某部门数据暂不可用 — above every page, while it holds. */
export function ServiceNotices() {
  const notices = useSyncExternalStore(onServiceNotices, serviceNotices);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (notices.retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [notices.retryAt]);
  const labels = unavailableLabels(notices);
  const seconds = notices.retryAt === null ? null : Math.max(1, Math.ceil((notices.retryAt - Math.max(now, Date.now() - 250)) / 1000));
  if (seconds === null && labels.length === 0) return null;
  return (
    <div className="service-notices">
      {seconds !== null && (
        <p className="notice busy" role="status" data-testid="notice-busy">
          系统繁忙，{seconds} 秒后自动重试
        </p>
      )}
      {labels.length > 0 && (
        <p className="notice partial" role="status" data-testid="notice-unavailable">
          {labels.join('、')}数据暂不可用，其余数据照常显示；稍后自动恢复
        </p>
      )}
    </div>
  );
}
