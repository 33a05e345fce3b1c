import { mountPage } from '~/components/mount';
import { MeetingPrint } from '~/components/questions/MeetingPrint';

mountPage(<MeetingPrint />);
